import asyncio

async def producer(q):
    for i in range(5):
        print(f"put {i} ...")
        await q.put(i)
        print(f"put {i} done (qsize={q.qsize()})")

async def consumer(q):
    await asyncio.sleep(0.01)
    for _ in range(5):
        item = await q.get()
        print(f"got {item}")
        await asyncio.sleep(0)

async def main():
    q = asyncio.Queue(maxsize=2)
    await asyncio.gather(producer(q), consumer(q))

asyncio.run(main())
