import asyncio

async def main():
    async with asyncio.timeout(0.02):
        print("starting work that is too slow")
        await asyncio.sleep(0.5)
        print("never printed")

asyncio.run(main())
