import asyncio
import time

async def heartbeat():
    for i in range(3):
        print("heartbeat", i)
        await asyncio.sleep(0.01)

async def blocker():
    await asyncio.sleep(0)
    print("blocker: calling time.sleep(0.05) - the whole loop stops")
    time.sleep(0.05)
    print("blocker: done blocking")

async def main():
    start = time.monotonic()
    await asyncio.gather(heartbeat(), blocker())
    print("elapsed about", round(time.monotonic() - start, 1))

asyncio.run(main())
