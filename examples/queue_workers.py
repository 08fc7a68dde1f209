# A producer/consumer pipeline: workers take jobs from an asyncio.Queue; join() waits until
# every job is marked done, then the workers are cancelled.
import asyncio


async def worker(name, queue, results):
    while True:
        job = await queue.get()
        await asyncio.sleep(job / 10)
        results.append((name, job))
        queue.task_done()


async def main():
    queue = asyncio.Queue()
    for job in [3, 1, 2, 5, 4]:
        queue.put_nowait(job)
    results = []
    workers = [asyncio.create_task(worker(f"w{i}", queue, results)) for i in range(2)]
    await queue.join()
    for w in workers:
        w.cancel()
    await asyncio.gather(*workers, return_exceptions=True)
    print(results)


asyncio.run(main())
