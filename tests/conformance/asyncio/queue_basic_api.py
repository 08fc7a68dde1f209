import asyncio

async def main():
    q = asyncio.Queue(maxsize=2)
    print("empty:", q.empty(), "full:", q.full(), "size:", q.qsize(), "maxsize:", q.maxsize)
    await q.put("a")
    q.put_nowait("b")
    print("empty:", q.empty(), "full:", q.full(), "size:", q.qsize())
    try:
        q.put_nowait("c")
    except asyncio.QueueFull:
        print("QueueFull raised", repr(asyncio.QueueFull()))
    print(await q.get(), q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty raised")
    q.task_done()
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    unbounded = asyncio.Queue()
    for i in range(100):
        unbounded.put_nowait(i)
    print("unbounded size:", unbounded.qsize(), "full:", unbounded.full())

asyncio.run(main())
