import asyncio

async def producer(queue, n):
    for i in range(n):
        await asyncio.sleep(0.04)
        await queue.put(f"item-{i}")
        print(f"produced item-{i} (size {queue.qsize()})")
    await queue.put(None)

async def consumer(queue):
    while True:
        item = await queue.get()
        if item is None:
            print("consumer got sentinel")
            break
        print(f"consumed {item}")
        await asyncio.sleep(0.02)

async def main():
    queue = asyncio.Queue()
    await asyncio.gather(producer(queue, 4), consumer(queue))
    print("queue empty at end:", queue.empty())

asyncio.run(main())
