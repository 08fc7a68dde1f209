# The deque inside asyncio.Queue (collections.deque in CPython) as Python code can reach it,
# and a closed loop refusing new tasks while still making futures.
import asyncio


async def main():
    q = asyncio.Queue()
    d = q._queue
    print(type(d).__name__, type(d).__module__, repr(d), len(d), bool(d))
    for item in ["a", "b", "c"]:
        q.put_nowait(item)
    print(repr(d), len(d), bool(d), d[0], d[-1], list(d))
    d.appendleft("z")
    d.remove("b")
    print(repr(d), d.pop(), d.popleft(), repr(d))
    for bad in (5, -5):
        try:
            d[bad]
        except IndexError as e:
            print("IndexError", e)
    try:
        d["x"]
    except TypeError as e:
        print("TypeError", e)
    try:
        d.remove("nope")
    except ValueError as e:
        print("ValueError", e)
    d.clear()
    for method in (d.pop, d.popleft):
        try:
            method()
        except IndexError as e:
            print("IndexError", e)
    print(q.qsize(), q.empty())


asyncio.run(main())

loop = asyncio.new_event_loop()
loop.close()


async def f():
    pass


coro = f()
try:
    loop.create_task(coro)
except RuntimeError as e:
    print("RuntimeError", e)
coro.close()
fut = loop.create_future()
fut.set_result(1)
print(fut.result(), fut.get_loop() is loop)
try:
    loop.call_soon(print)
except RuntimeError as e:
    print("RuntimeError", e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError", e)
print(asyncio._get_running_loop())
