# asyncio.Lock's acquire/__aenter__/__aexit__ coroutines driven every way: uncontended and
# contended, as `async with` and by hand, cancelled while waiting (with the hand-over to the
# next waiter), thrown into, on subclasses and after Lock's methods are replaced, with a
# Condition sharing the lock, and bound to another loop.
import asyncio

log = []


async def worker(lock, name, hold):
    async with lock as entered:
        log.append((name, entered, lock.locked()))
        await asyncio.sleep(hold)
    log.append((name, "out"))


async def fair(lock_factory):
    log.clear()
    lock = lock_factory()
    tasks = [asyncio.create_task(worker(lock, n, 0.001)) for n in "abcd"]
    await asyncio.sleep(0)
    print(type(lock).__name__, lock.locked(), len(lock._waiters))
    await asyncio.gather(*tasks)
    print(log)


class MyLock(asyncio.Lock):
    async def acquire(self):
        log.append("my acquire")
        return await super().acquire()


async def main():
    lock = asyncio.Lock()
    print(await lock.acquire(), lock.locked(), lock._waiters)
    lock.release()
    print(lock.locked())

    await fair(asyncio.Lock)
    await fair(MyLock)

    # Cancelling waiters: one before it is woken, one after the lock was handed to it.
    lock = asyncio.Lock()
    await lock.acquire()
    t1 = asyncio.create_task(worker(lock, "t1", 0))
    t2 = asyncio.create_task(worker(lock, "t2", 0))
    t3 = asyncio.create_task(worker(lock, "t3", 0))
    await asyncio.sleep(0)
    log.clear()
    t1.cancel()
    await asyncio.sleep(0)
    print(t1.cancelled(), len(lock._waiters), lock.locked())
    lock.release()
    t2.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(t2.cancelled(), log, lock.locked())
    await t3
    print(log, lock.locked(), len(lock._waiters))

    # By hand.
    lock = asyncio.Lock()
    c = lock.acquire()
    print(type(c).__name__, c.__qualname__)
    try:
        c.send(None)
    except StopIteration as e:
        print("got it:", e.value, lock.locked())
    c = lock.acquire()
    fut = c.send(None)
    print(type(fut).__name__, len(lock._waiters), fut._asyncio_future_blocking)
    try:
        c.throw(ValueError("in"))
    except ValueError as e:
        print("thrown:", e, len(lock._waiters), lock.locked())
    c = lock.__aenter__()
    fut = c.send(None)
    lock.release()
    print(fut.done(), fut.result())
    try:
        c.send(None)
    except StopIteration as e:
        print("entered:", e.value, lock.locked(), lock._waiters)
    await lock.__aexit__(None, None, None)
    try:
        await lock.__aexit__(None, None, None)
    except RuntimeError as e:
        print("exit:", e)
    try:
        async with lock:
            raise KeyError("body")
    except KeyError as e:
        print("body raised", e, lock.locked())

    # Lock's methods replaced, and an instance shadowing one.
    original = asyncio.Lock.release

    def noisy_release(self):
        log.append("noisy release")
        original(self)

    asyncio.Lock.release = noisy_release
    log.clear()
    lock = asyncio.Lock()
    async with lock:
        pass
    asyncio.Lock.release = original
    print(log)
    lock = asyncio.Lock()
    lock.acquire = lambda: asyncio.sleep(0, "shadowed")
    print(await lock.acquire(), lock.locked())
    try:
        async with lock:
            print("entered with shadowed acquire", lock.locked())
    except RuntimeError as e:
        print("shadowed:", e)
    del lock.acquire
    async with lock:
        print("entered", lock.locked())
    print(lock.locked())

    # A Condition over a lock.
    cond = asyncio.Condition()
    results = []

    async def waiter(i):
        async with cond:
            await cond.wait()
            results.append(i)

    ws = [asyncio.create_task(waiter(i)) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ws)
    print(results, cond.locked())


asyncio.run(main())

lock = asyncio.Lock()


async def hold():
    await lock.acquire()
    waiter = asyncio.create_task(lock.acquire())  # binds the lock to this loop
    await asyncio.sleep(0)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled", lock.locked(), len(lock._waiters))


async def other():
    try:
        await lock.acquire()
    except RuntimeError as e:
        print(str(e).split("]>")[1])


asyncio.run(hold())
asyncio.run(other())
