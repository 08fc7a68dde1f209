import asyncio
import time

async def call_api(sem, i):
    async with sem:
        print(f"request {i} sent")
        await asyncio.sleep(0.1)
        return f"response {i}"

async def main():
    sem = asyncio.Semaphore(3)
    start = time.monotonic()
    responses = await asyncio.gather(*(call_api(sem, i) for i in range(7)))
    elapsed = time.monotonic() - start
    print(responses)
    print("batches of 3 take about", round(elapsed, 1), "s")

asyncio.run(main())
