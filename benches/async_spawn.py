# Task spawn + gather: create 200,000 tasks with asyncio.create_task, then gather them all.
# Measures task creation, the ready queue, task completion callbacks and gather's bookkeeping.
import asyncio

N = 200_000


async def work(i):
    return i * 7 % 1000


async def main():
    tasks = [asyncio.create_task(work(i)) for i in range(N)]
    results = await asyncio.gather(*tasks)
    print(len(results), sum(results))


asyncio.run(main())
