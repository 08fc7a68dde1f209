# all_tasks() stays exact while thousands of tasks come and go: tasks finish in an order
# unrelated to their creation, new ones start while old ones are pending, and asyncio.run
# cancels the thousands still pending at the end.
import asyncio

cancelled = 0


async def worker(i, delay):
    global cancelled
    try:
        await asyncio.sleep(delay)
        return i
    except asyncio.CancelledError:
        cancelled += 1
        raise


async def main():
    me = asyncio.current_task()
    first = [asyncio.create_task(worker(i, (i * 37) % 100 / 1000)) for i in range(3000)]
    stay = [asyncio.create_task(worker(i, 3600)) for i in range(2500)]
    print(len(asyncio.all_tasks()), me in asyncio.all_tasks())
    done = await asyncio.gather(*first)
    print(sum(done), len(asyncio.all_tasks()))
    more = [asyncio.create_task(worker(i, 0.001 * (i % 7))) for i in range(2000)]
    print(len(asyncio.all_tasks()))
    await asyncio.gather(*more)
    left = asyncio.all_tasks()
    print(len(left), all(not t.done() for t in left), set(stay) | {me} == left)
    for t in stay[:100]:
        t.cancel()
    await asyncio.sleep(0)
    print(len(asyncio.all_tasks()), cancelled)


asyncio.run(main())
print("cancelled at shutdown:", cancelled)
