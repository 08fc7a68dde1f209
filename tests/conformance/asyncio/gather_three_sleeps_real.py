import asyncio
import time

async def nap(n):
    await asyncio.sleep(1)
    return n

async def main():
    start = time.time()
    results = await asyncio.gather(nap(1), nap(2), nap(3))
    elapsed = time.time() - start
    print(results)
    print(round(elapsed))

asyncio.run(main())
