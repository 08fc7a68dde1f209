# Semaphore/Lock/Event reprs with waiters, and the waiter deques behind them: FIFO wake-up
# order, a cancelled waiter removed from the middle, Queue contents in its repr.
import asyncio


def shown(obj):
    # Addresses differ between runs: drop them.
    head, _, tail = repr(obj).partition(" at 0x")
    while tail and tail[0] in "0123456789abcdef":
        tail = tail[1:]
    return head + tail


async def main():
    sem = asyncio.Semaphore(1)
    print(shown(sem))

    async def s(n):
        async with sem:
            await asyncio.sleep(0.01)
            print("sem", n)

    tasks = [asyncio.create_task(s(i)) for i in range(4)]
    await asyncio.sleep(0)
    print(shown(sem))
    tasks[2].cancel()
    await asyncio.sleep(0)
    print(shown(sem))
    print(await asyncio.gather(*tasks, return_exceptions=True))
    print(shown(sem))

    bsem = asyncio.BoundedSemaphore(2)
    await bsem.acquire()
    print(shown(bsem))
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError", e)

    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print(shown(q))
    putter = asyncio.create_task(q.put("c"))
    await asyncio.sleep(0)
    print(shown(q), q.full())
    print(q.get_nowait(), q.get_nowait())
    await putter
    print(shown(q), q.qsize())
    try:
        q.get_nowait()
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")


asyncio.run(main())
