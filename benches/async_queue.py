# Bounded asyncio.Queue: 4 producers put 100,000 items each into a Queue(maxsize=64) and 4
# consumers take them out, so both sides block and wake each other. Measures put/get, the
# full/empty waiter hand-off and task_done/join.
import asyncio

PRODUCERS = 4
CONSUMERS = 4
ITEMS = 100_000


async def producer(queue, base):
    for i in range(ITEMS):
        await queue.put(base + i)


async def consumer(queue, totals, k):
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            return
        totals[k] += item % 1000
        queue.task_done()


async def main():
    queue = asyncio.Queue(maxsize=64)
    totals = [0] * CONSUMERS
    consumers = [asyncio.create_task(consumer(queue, totals, k)) for k in range(CONSUMERS)]
    await asyncio.gather(*(producer(queue, p * ITEMS) for p in range(PRODUCERS)))
    await queue.join()
    for _ in range(CONSUMERS):
        await queue.put(None)
    await asyncio.gather(*consumers)
    print(sum(totals), queue.qsize())


asyncio.run(main())
