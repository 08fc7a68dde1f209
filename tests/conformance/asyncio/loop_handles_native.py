import asyncio

def cb(*args):
    print("cb", args)

def boom():
    raise ValueError("boom")

async def main():
    loop = asyncio.get_running_loop()
    h = loop.call_soon(cb, 1, "x")
    print(type(h).__name__)
    print(h.cancelled())
    h2 = loop.call_soon(cb, 2)
    h2.cancel()
    print(h2.cancelled())
    t1 = loop.call_later(0.5, cb, "late")
    t2 = loop.call_at(loop.time() + 0.25, cb, "at")
    print(type(t1).__name__, t1 < t2, t2 < t1, t1 > t2, t1 == t1, t1 != t2, t1 <= t1)
    print(round(t1.when() - t2.when(), 2))
    t3 = loop.call_later(0.1, cb, "never")
    t3.cancel()
    print(t3.cancelled())
    loop.call_soon(boom)
    await asyncio.sleep(1)
    for bad in [None]:
        try:
            loop.call_later(bad, cb)
        except TypeError as e:
            print("TypeError:", e)
        try:
            loop.call_at(bad, cb)
        except TypeError as e:
            print("TypeError:", e)
    try:
        loop.call_later("soon", cb)
    except TypeError as e:
        print("TypeError:", e)
    for i in range(150):
        loop.call_later(10 + i, cb, i).cancel()
    order = []
    for i in range(5):
        loop.call_later(0.01, order.append, i)
    loop.call_soon(order.append, "soon")
    await asyncio.sleep(0.05)
    print(order)
    print(isinstance(h, asyncio.Handle), isinstance(t1, asyncio.TimerHandle), issubclass(asyncio.TimerHandle, asyncio.Handle))

asyncio.run(main())
loop = asyncio.new_event_loop()
loop.close()
try:
    loop.call_soon(cb)
except RuntimeError as e:
    print("RuntimeError:", e)
