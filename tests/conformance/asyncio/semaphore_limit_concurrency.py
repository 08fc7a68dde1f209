import asyncio

active = 0
peak = 0

async def download(sem, n):
    global active, peak
    async with sem:
        active += 1
        peak = max(peak, active)
        print(f"download {n} start (active={active})")
        await asyncio.sleep(0.02 * (n % 3 + 1))
        active -= 1
        print(f"download {n} done")
    return n

async def main():
    sem = asyncio.Semaphore(2)
    results = await asyncio.gather(*(download(sem, i) for i in range(6)))
    print("results", results, "peak concurrency", peak)

asyncio.run(main())
