import asyncio

async def consumer(q, name):
    while True:
        item = await q.get()
        await asyncio.sleep(0.01)
        print(f"{name} processed {item}")
        q.task_done()

async def main():
    q = asyncio.Queue()
    consumers = [asyncio.create_task(consumer(q, f"c{i}")) for i in range(2)]
    for item in range(5):
        await q.put(item)
    print("all items queued; unfinished tasks pending")
    await q.join()
    print("join returned; queue empty:", q.empty())
    for c in consumers:
        c.cancel()
    await asyncio.gather(*consumers, return_exceptions=True)
    await q.join()
    print("join on an idle queue returns immediately")

asyncio.run(main())
