"""A typical asyncio tutorial program."""
import asyncio
import time
from dataclasses import dataclass


@dataclass
class Job:
    name: str
    delay: float = 0.1


async def worker(name: str, queue: asyncio.Queue) -> None:
    while True:
        job = await queue.get()
        try:
            await asyncio.sleep(job.delay)
            print(f"{name} finished {job.name!r} after {job.delay:.2f}s")
        except asyncio.CancelledError:
            print(f"{name} cancelled")
            raise
        finally:
            queue.task_done()


async def ticker(n):
    for i in range(n):
        yield i
        await asyncio.sleep(0)


async def main(*, workers=3):
    queue = asyncio.Queue()
    for i in range(10):
        queue.put_nowait(Job(f"job-{i}", delay=i / 100))
    tasks = [asyncio.create_task(worker(f"w{i}", queue)) for i in range(workers)]
    started = time.perf_counter()
    await queue.join()
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    async for tick in ticker(3):
        print("tick", tick)
    squares = [x async for x in ticker(4) if x % 2 == 0]
    async with asyncio.timeout(1) as cm, asyncio.TaskGroup() as tg:
        tg.create_task(asyncio.sleep(0))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(1)
    except* TimeoutError as eg:
        print("timed out", eg.exceptions)
    elapsed = time.perf_counter() - started
    print(f"{len(results)} results, {squares=}, {elapsed < 5 = }")
    return results, elapsed


if __name__ == "__main__":
    asyncio.run(main(workers=2))
