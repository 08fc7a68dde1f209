# gather over every kind of child: coroutines, tasks, plain futures, a Future subclass (whose
# own methods must be used), an object with __await__, repeats; plus cancelled children with
# and without a message under return_exceptions, and a non-awaitable argument.
import asyncio


class LoudFuture(asyncio.Future):
    def add_done_callback(self, fn, *, context=None):
        print("LoudFuture.add_done_callback", fn.__qualname__)
        super().add_done_callback(fn, context=context)

    def result(self):
        print("LoudFuture.result")
        return super().result()

    def exception(self):
        print("LoudFuture.exception")
        return super().exception()


class Awaitable:
    def __await__(self):
        yield from asyncio.sleep(0).__await__()
        return "from __await__"


async def value(v, delay=0):
    await asyncio.sleep(delay)
    return v


async def main():
    loop = asyncio.get_running_loop()
    plain = loop.create_future()
    loud = LoudFuture()
    task = asyncio.create_task(value("task", 0.01))
    coro = value("coro")
    loop.call_later(0.02, plain.set_result, "plain")
    loop.call_later(0.03, loud.set_result, "loud")
    res = await asyncio.gather(coro, task, plain, loud, Awaitable(), task, plain)
    print(res)

    a = asyncio.create_task(value("a", 1))
    b = asyncio.create_task(value("b", 1))
    c = asyncio.create_task(value("c", 0.5))
    loop.call_later(0.1, a.cancel)
    loop.call_later(0.1, b.cancel, "stop b")
    res = await asyncio.gather(a, b, c, return_exceptions=True)
    print([type(r).__name__ for r in res], [str(r) for r in res])

    try:
        asyncio.gather(value(1), 42)
    except TypeError as e:
        print("TypeError:", e)
    await asyncio.sleep(0)

    failing = loop.create_future()
    other = loop.create_future()
    g = asyncio.gather(failing, other)
    failing.set_exception(ValueError("first"))
    other.set_exception(KeyError("second, retrieved by gather"))
    try:
        await g
    except ValueError as e:
        print("ValueError:", e)
    await asyncio.sleep(0)
    print(g.done(), other.done())


asyncio.run(main())
