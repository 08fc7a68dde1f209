# The asyncio primitives whose coroutines tulip steps natively (Lock, Queue) in unusual
# situations, where the Python code's behaviour must show through: methods replaced on the
# class (before or while a coroutine waits), a __setattr__ hook, a loop whose create_future
# is replaced on the instance or returns a foreign future, a running task among the waiters,
# errors raised while cleaning up a cancelled wait (with their __context__), a coroutine
# thrown into after it finished, and a queue used outside any loop.
import asyncio

log = []


def logging_setattr(self, name, value):
    log.append(name)
    object.__setattr__(self, name, value)


class ForeignFuture:
    """Duck-typed future: what a custom loop's create_future may return."""

    def __init__(self, loop):
        self.f = asyncio.Future(loop=loop)

    def __await__(self):
        log.append("foreign awaited")
        return (yield from self.f.__await__())

    def done(self):
        return self.f.done()

    def cancel(self, msg=None):
        return self.f.cancel()

    def cancelled(self):
        return self.f.cancelled()

    def set_result(self, r):
        self.f.set_result(r)


class ForeignLoop(asyncio.SelectorEventLoop):
    def create_future(self):
        log.append("create_future")
        return ForeignFuture(self)


async def forever():
    await asyncio.sleep(10)


async def main():
    # A __setattr__ hook on the classes sees every attribute write.
    saved = asyncio.Lock.__dict__.get("__setattr__")
    lock = asyncio.Lock()
    asyncio.Lock.__setattr__ = logging_setattr
    await lock.acquire()
    lock.release()
    async with lock:
        pass
    del asyncio.Lock.__setattr__
    q = asyncio.Queue()
    asyncio.Queue.__setattr__ = logging_setattr
    await q.put(1)
    await q.get()
    q.task_done()
    del asyncio.Queue.__setattr__
    print(saved, log)
    log.clear()

    # Methods replaced on the class after the coroutine was made, and while it waits.
    original_get = asyncio.Queue._get

    def noisy_get(self):
        log.append("noisy _get")
        return original_get(self)

    q = asyncio.Queue()
    c = q.get()
    asyncio.Queue._get = noisy_get
    q.put_nowait(1)
    print(await c, log)
    asyncio.Queue._get = original_get
    waiting = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    asyncio.Queue._get = noisy_get
    q.put_nowait(2)
    print(await waiting, log)
    asyncio.Queue._get = original_get

    original_wake = asyncio.Lock._wake_up_first

    def noisy_wake(self):
        log.append("noisy _wake_up_first")
        return original_wake(self)

    lock = asyncio.Lock()
    await lock.acquire()

    async def enter():
        async with lock:
            log.append("entered")

    t = asyncio.create_task(enter())
    await asyncio.sleep(0)
    asyncio.Lock._wake_up_first = noisy_wake
    lock.release()
    await t
    asyncio.Lock._wake_up_first = original_wake
    print(log)
    log.clear()

    # create_future replaced on the loop instance.
    loop = asyncio.get_running_loop()
    original_create = loop.create_future

    def counting_create():
        log.append("instance create_future")
        return original_create()

    loop.create_future = counting_create
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock.release()
    await t
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q.put_nowait("item")
    print(await t, log)
    del loop.create_future
    log.clear()

    # A running task among a lock's and a queue's waiters: Task.set_result refuses.
    lock = asyncio.Lock()
    await lock.acquire()
    other = asyncio.create_task(forever())
    await asyncio.sleep(0)
    lock._waiters = asyncio.Queue()._getters
    lock._waiters.append(other)
    try:
        await lock.__aexit__(None, None, None)
    except RuntimeError as e:
        print("aexit:", e, other.done())
    q = asyncio.Queue()
    q._getters.append(other)
    try:
        await q.put(1)
    except RuntimeError as e:
        print("put:", e, other.done(), q.qsize())
    other.cancel()

    # Errors while cleaning up a cancelled wait keep the cancellation as their context.
    lock = asyncio.Lock()
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await asyncio.sleep(0)
    lock._waiters.clear()
    t.cancel()
    try:
        await t
    except BaseException as e:
        print(type(e).__name__, e, type(e.__context__).__name__)
    q = asyncio.Queue()
    t = asyncio.create_task(q.get())
    await asyncio.sleep(0)
    q._getters = None
    t.cancel()
    try:
        await t
    except BaseException as e:
        print(type(e).__name__, type(e.__context__).__name__)

    # Throwing into a finished coroutine.
    c = asyncio.sleep(0, "done")
    c.send(None)
    try:
        c.send(None)
    except StopIteration as e:
        print("finished with", e.value)
    try:
        c.throw(KeyError("late"))
    except RuntimeError as e:
        print("throw after finish:", e)


asyncio.run(main())

# A loop whose create_future returns a foreign future.
with asyncio.Runner(loop_factory=ForeignLoop) as runner:

    async def foreign():
        q = asyncio.Queue(1)
        await q.put(1)

        async def later():
            await asyncio.sleep(0)
            log.append(("got", q.get_nowait()))

        t = asyncio.create_task(later())
        await q.put(2)
        await t
        print(log, q.qsize())

    runner.run(foreign())

# Outside any loop, `_get_loop()` gives None.
try:
    asyncio.Queue().get().send(None)
except AttributeError as e:
    print("no loop:", e)
