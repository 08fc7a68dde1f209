# asyncio.Queue's put/get coroutines and task_done driven every way: blocking and waking on
# both sides, cancellation of a blocked put and get (and of a waiter that was already woken),
# put/get by hand, task_done/join, subclasses, a replaced Queue method, and a queue bound to
# another loop.
import asyncio

log = []


async def producer(q, name, items):
    for item in items:
        await q.put(item)
        log.append((name, "put", item, q.qsize()))


async def consumer(q, name, n):
    for _ in range(n):
        item = await q.get()
        log.append((name, "got", item, q.qsize()))
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    tasks = [
        asyncio.create_task(producer(q, "p1", range(5))),
        asyncio.create_task(producer(q, "p2", range(10, 14))),
        asyncio.create_task(consumer(q, "c1", 5)),
        asyncio.create_task(consumer(q, "c2", 4)),
    ]
    await asyncio.sleep(0)
    print(str(q))
    await asyncio.gather(*tasks)
    print(log)
    print(str(q), q.empty(), q.full())
    await q.join()

    # Blocked getters and putters, cancelled before and after being woken.
    log.clear()
    q = asyncio.Queue(maxsize=1)
    g1 = asyncio.create_task(consumer(q, "g1", 1))
    g2 = asyncio.create_task(consumer(q, "g2", 1))
    g3 = asyncio.create_task(consumer(q, "g3", 1))
    await asyncio.sleep(0)
    print(len(q._getters), str(q))
    g1.cancel()
    await asyncio.sleep(0)
    print(g1.cancelled(), len(q._getters))
    q.put_nowait("a")
    g2.cancel()  # woken by put_nowait, cancelled before it ran: passes the item on to g3
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(g2.cancelled(), g3.done(), log, str(q))

    q = asyncio.Queue(maxsize=1)
    q.put_nowait("x")
    p1 = asyncio.create_task(producer(q, "p1", ["y"]))
    p2 = asyncio.create_task(producer(q, "p2", ["z"]))
    await asyncio.sleep(0)
    print(len(q._putters), q.full())
    print(q.get_nowait())
    p1.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(p1.cancelled(), p2.done(), str(q), log[-1])
    print(q.get_nowait(), q.qsize())

    # By hand.
    q = asyncio.Queue()
    c = q.get()
    print(type(c).__name__, c.__qualname__)
    fut = c.send(None)
    print(type(fut).__name__, len(q._getters))
    q.put_nowait(42)
    try:
        c.send(None)
    except StopIteration as e:
        print("got by hand:", e.value, q.qsize(), q._unfinished_tasks)
    c = q.get()
    fut = c.send(None)
    try:
        c.throw(KeyError("k"))
    except KeyError as e:
        print("thrown:", repr(e), fut.cancelled(), len(q._getters))
    c = q.put("never started")
    c.close()
    print(q.qsize())
    try:
        q.task_done()
        q.task_done()
    except ValueError as e:
        print("task_done:", e)

    # join waits for task_done.
    q = asyncio.Queue()
    for i in range(3):
        await q.put(i)

    async def drain():
        while not q.empty():
            item = await q.get()
            await asyncio.sleep(0.001)
            log.append(("drained", item))
            q.task_done()

    d = asyncio.create_task(drain())
    await q.join()
    print("joined", log[-3:], d.done())
    await d

    # Subclasses and a replaced method.
    for cls in (asyncio.PriorityQueue, asyncio.LifoQueue):
        q = cls()
        for x in (3, 1, 2):
            await q.put(x)
        print(cls.__name__, [await q.get() for _ in range(3)])

    class Tracing(asyncio.Queue):
        def _put(self, item):
            log.append(("traced", item))
            super()._put(item)

    q = Tracing()
    await q.put("t")
    print(log[-1], await q.get())

    original = asyncio.Queue.put_nowait

    def counting(self, item):
        log.append(("counted", item))
        original(self, item)

    asyncio.Queue.put_nowait = counting
    q = asyncio.Queue()
    await q.put("c")
    asyncio.Queue.put_nowait = original
    await q.put("d")
    print(log[-1], q.qsize())


asyncio.run(main())

q = asyncio.Queue(maxsize=1)


async def fill():
    await q.put(1)
    t = asyncio.create_task(q.put(2))  # waits: binds the queue to this loop
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("putter cancelled", t.cancelled(), len(q._putters))


async def other():
    try:
        await q.put(3)
    except RuntimeError as e:
        print(str(e).split(">", 1)[1])


asyncio.run(fill())
asyncio.run(other())
