# asyncio.sleep's coroutine driven every way: awaited in tasks (float, int, bool, negative and
# zero delays, with and without result=), as a task's own coroutine, gathered bare, cancelled
# while waiting, sent to and thrown into by hand, closed, and awaited twice.
import asyncio

order = []


async def sleeper(name, delay, **kw):
    r = await asyncio.sleep(delay, **kw)
    order.append((name, r))
    return r


async def main():
    results = await asyncio.gather(
        sleeper("float", 0.03),
        sleeper("int", 0, result="zero"),
        sleeper("bool", False, result=[1, 2]),
        sleeper("negative", -5, result=-5),
        sleeper("result", 0.01, result={"k": 1}),
        sleeper("big", 10**30 * 0, result="big zero"),
        asyncio.sleep(0.02, "bare"),
        asyncio.sleep(0),
    )
    print(results)
    print(order)

    t = asyncio.create_task(asyncio.sleep(5, "never"))
    await asyncio.sleep(0)
    print(t.get_coro().__name__, t.get_coro().__qualname__, t.get_coro().cr_code.co_name)
    print(t.done(), t.cancel("bye"))
    try:
        await t
    except asyncio.CancelledError as e:
        print("cancelled:", e.args, t.cancelled())

    c = asyncio.sleep(0.01, "once")
    print(type(c).__name__, asyncio.iscoroutine(c))
    print(await c)
    try:
        await c
    except RuntimeError as e:
        print("again:", e)

    c = asyncio.sleep(1)
    fut = c.send(None)
    print(type(fut).__name__, fut.done(), fut._asyncio_future_blocking)
    c.close()
    try:
        c.send(None)
    except RuntimeError as e:
        print("after close:", e)

    c = asyncio.sleep(0.01, "by hand")
    fut = c.send(None)
    await asyncio.wait([fut])
    try:
        c.send(None)
    except StopIteration as e:
        print("stop:", e.value)

    c = asyncio.sleep(1)
    fut = c.send(None)
    try:
        c.throw(KeyError("k"))
    except KeyError as e:
        print("thrown:", repr(e), fut.done())

    c = asyncio.sleep(1)
    try:
        c.send(3)
    except TypeError as e:
        print("send:", e)
    c.close()

    try:
        await asyncio.sleep(None)
    except TypeError as e:
        print("None:", e)


asyncio.run(main())

c = asyncio.sleep(0, 5)
print(c.send(None))
try:
    c.send(None)
except StopIteration as e:
    print("stop", e.value)
c = asyncio.sleep(0)
c.send(None)
try:
    c.throw(ValueError("v"))
except ValueError as e:
    print("raised", e)
c = asyncio.sleep(1)
c.send(None)
