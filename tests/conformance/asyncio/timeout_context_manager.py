import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            print("start long sleep")
            await asyncio.sleep(1)
            print("never printed")
    except TimeoutError as e:
        print("TimeoutError from timeout():", repr(e))
    async with asyncio.timeout(0.5) as cm:
        await asyncio.sleep(0.01)
        print("finished in time; expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0.01)
        print("no deadline:", cm.when())
    try:
        async with asyncio.timeout(0.01) as cm:
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("expired:", cm.expired())

asyncio.run(main())
