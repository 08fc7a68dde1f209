import asyncio

async def main():
    try:
        async with asyncio.timeout(0.05):
            try:
                async with asyncio.timeout(0.5):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner caught (wrong)")
            print("not reached")
    except TimeoutError:
        print("outer timeout fired first")
    try:
        async with asyncio.timeout(0.5):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(1)
            except TimeoutError:
                print("inner timeout fired")
            await asyncio.sleep(0.01)
            print("outer body continues")
    except TimeoutError:
        print("outer (wrong)")

asyncio.run(main())
