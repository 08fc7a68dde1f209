import asyncio
import random
import time

async def worker(name, queue, log):
    while True:
        job = await queue.get()
        await asyncio.sleep(job)
        log.append(job)
        queue.task_done()

async def main():
    random.seed(1)
    queue = asyncio.Queue()
    jobs = [round(random.uniform(0.01, 0.05), 3) for _ in range(9)]
    print("jobs:", jobs)
    for j in jobs:
        queue.put_nowait(j)
    log = []
    workers = [asyncio.create_task(worker(f"worker-{i}", queue, log)) for i in range(3)]
    start = time.monotonic()
    await queue.join()
    elapsed = time.monotonic() - start
    print("all jobs processed:", len(log), sorted(log) == sorted(jobs))
    print("queue empty:", queue.empty(), "| unfinished tasks done")
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in results])
    total = sum(jobs)
    print("3 workers worked in parallel:", elapsed < total, "| total work", round(total, 3))

asyncio.run(main())
