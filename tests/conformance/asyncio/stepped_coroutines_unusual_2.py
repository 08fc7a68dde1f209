# More unusual cases for the natively stepped Queue and Lock coroutines, each run on the
# native path (asyncio.Queue) and on the Python body (a trivial subclass): a loop whose
# create_future returns something that cannot be awaited or whose cancel() raises, put()
# returning what a replaced put_nowait returns, task_done() with an Event subclass, an Event
# whose waiters grow while set() walks them, and futures whose methods are shadowed on the
# instance.
import asyncio

log = []


class Q(asyncio.Queue):
    pass


class NotAwaitable:
    def cancel(self):
        log.append("cancel")

    def cancelled(self):
        log.append("cancelled")
        return True

    def done(self):
        return False


class NotAwaitableLoop(asyncio.SelectorEventLoop):
    def create_future(self):
        return NotAwaitable()


async def not_awaitable():
    for cls in (asyncio.Queue, Q):
        log.clear()
        q = cls()
        try:
            await q.get()
        except BaseException as e:
            print(cls.__name__, type(e).__name__, e, repr(e.__context__), log, len(q._getters))


NotAwaitableLoop().run_until_complete(not_awaitable())


class RaisingCancel:
    def __init__(self, loop):
        self.f = asyncio.Future(loop=loop)

    def __await__(self):
        return (yield from self.f.__await__())

    def done(self):
        return self.f.done()

    def cancel(self, msg=None):
        try:
            raise KeyError("A")
        except KeyError:
            raise ValueError("B")

    def cancelled(self):
        return self.f.cancelled()

    def set_result(self, r):
        self.f.set_result(r)


class RaisingCancelLoop(asyncio.SelectorEventLoop):
    def create_future(self):
        return RaisingCancel(self)


async def raising_cancel():
    for cls in (asyncio.Queue, Q):
        q = cls()
        t = asyncio.ensure_future(q.get())
        await asyncio.sleep(0)
        t.cancel()
        try:
            await t
        except BaseException as e:
            print(cls.__name__, repr(e), repr(e.__context__), repr(e.__context__.__context__))


RaisingCancelLoop().run_until_complete(raising_cancel())


class E(asyncio.Event):
    def set(self):
        super().set()
        return "from set"


class Grows:
    def __init__(self, d, n):
        self.d = d
        self.n = n

    def done(self):
        log.append(("done", self.n))
        if self.n < 3:
            self.d.append(Grows(self.d, self.n + 1))
        return False

    def set_result(self, r):
        log.append(("set", self.n, r))


async def main():
    for cls in (asyncio.Queue, Q):
        q = cls(1)
        q._queue.append(0)
        t = asyncio.ensure_future(q.put(2))
        await asyncio.sleep(0)
        original = cls.put_nowait
        cls.put_nowait = lambda self, item: ("put_nowait", item)
        q._queue.popleft()
        q._wakeup_next(q._putters)
        print(cls.__name__, await t)
        cls.put_nowait = original

    for cls in (asyncio.Queue, Q):
        q = cls()
        q._finished = E()
        q.put_nowait(1)
        print(cls.__name__, q.task_done())

    for cls in (asyncio.Queue, Q):
        log.clear()
        q = cls()
        q.put_nowait(1)
        q._finished._waiters.append(Grows(q._finished._waiters, 0))
        try:
            q.task_done()
        except RuntimeError as e:
            print(cls.__name__, e)
        print(cls.__name__, log, len(q._finished._waiters))

    for cls in (asyncio.Queue, Q):
        f = asyncio.get_running_loop().create_future()
        f.set_result = lambda r: print("shadowed set_result", r)
        f.done = lambda: False
        q = cls()
        q._getters.append(f)
        q.put_nowait(1)
        await asyncio.sleep(0)
        print(cls.__name__, f.done())

    lock = asyncio.Lock()
    await lock.acquire()
    gone = asyncio.create_task(lock.acquire())  # makes lock._waiters a deque
    await asyncio.sleep(0)
    gone.cancel()
    await asyncio.sleep(0)
    f = asyncio.get_running_loop().create_future()
    f.cancel()
    f.cancelled = lambda: False
    lock._waiters.append(f)
    lock.release()
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except asyncio.TimeoutError:
        print("lock: a waiter that says it is not cancelled blocks the lock")


asyncio.run(main())
