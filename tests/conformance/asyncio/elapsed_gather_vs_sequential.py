import asyncio
import time

async def task(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    start = time.time()
    await task(0.1)
    await task(0.1)
    await task(0.1)
    sequential = time.time() - start
    start = time.time()
    await asyncio.gather(task(0.1), task(0.1), task(0.1))
    concurrent = time.time() - start
    print("sequential ~", round(sequential, 1), "s")
    print("concurrent ~", round(concurrent, 1), "s")
    print("speedup ~", round(sequential / concurrent))

asyncio.run(main())
