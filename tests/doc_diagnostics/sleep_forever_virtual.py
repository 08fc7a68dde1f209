# On the virtual clock a sleep of 1e300 s ends at once, and one of infinity is a stall.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    await asyncio.sleep(1e300)
    print("slept 1e300 s:", loop.time() >= 1e300)
    await asyncio.sleep(float("inf"))
    print("never")


asyncio.run(main())
