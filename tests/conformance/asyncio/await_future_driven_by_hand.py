# `await fut` driven by hand with send/throw/close, as a task would drive it: the future is
# yielded once while pending, its result is the value of the await, and throw/close reach
# the coroutine at the await.
import asyncio


async def waiter(fut, label):
    try:
        value = await fut
        print(label, "got", value)
        again = await fut
        print(label, "again", again)
        return value
    except BaseException as e:
        print(label, "caught", type(e).__name__, e)
        raise
    finally:
        print(label, "finally")


def drive():
    loop = asyncio.new_event_loop()
    fut = loop.create_future()
    c = waiter(fut, "a")
    yielded = c.send(None)
    print("yielded the future:", yielded is fut, fut._asyncio_future_blocking)
    fut._asyncio_future_blocking = False
    fut.set_result(42)
    try:
        c.send(None)
    except StopIteration as e:
        print("returned", e.value)

    fut2 = loop.create_future()
    c = waiter(fut2, "b")
    c.send(None)
    try:
        c.send(None)  # still pending and still marked blocking
    except RuntimeError as e:
        print("RuntimeError:", e)

    fut3 = loop.create_future()
    c = waiter(fut3, "c")
    c.send(None)
    try:
        c.throw(ValueError("thrown in"))
    except ValueError as e:
        print("propagated:", e)

    fut4 = loop.create_future()
    c = waiter(fut4, "d")
    c.send(None)
    c.close()
    print("closed; future still pending:", not fut4.done())

    fut5 = loop.create_future()
    c = waiter(fut5, "e")
    c.send(None)
    try:
        c.send("ignored")  # the value is ignored: still pending, still blocking
    except RuntimeError as e:
        print("RuntimeError:", e)

    fut6 = loop.create_future()
    fut6.set_exception(KeyError("k"))
    c = waiter(fut6, "f")
    try:
        c.send(None)
    except KeyError as e:
        print("raised at once:", repr(e))

    it = fut6.__await__()
    print(type(it).__name__)
    loop.close()


drive()
