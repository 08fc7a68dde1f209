import asyncio

async def slow():
    await asyncio.sleep(1)

async def main():
    print("waiting with a 0.01 s timeout")
    await asyncio.wait_for(slow(), timeout=0.01)

asyncio.run(main())
