# A NaN deadline (call_later, call_at, sleep), whatever its sign bit, is due at once when it is
# scheduled before the loop's other timers, as in CPython: its loop stops taking timers at the
# first with `when >= end_time`, never true for NaN, and `heapq` keeps a NaN pushed first on top.
# Deadlines -0.0 and 0.0 are equal: they fire in creation order.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fired = []
    loop.call_later(float("nan"), fired.append, "nan")
    await asyncio.sleep(0.05)
    print(fired)
    loop.call_at(-float("nan"), fired.append, "-nan")
    loop.call_later(0.01, fired.append, "later")
    await asyncio.sleep(0.05)
    print(fired)
    loop.call_at(float("nan"), fired.append, "+nan")
    loop.call_later(0.01, fired.append, "later 2")
    await asyncio.sleep(0.05)
    print(fired)
    await asyncio.sleep(float("nan"))
    print("slept nan")
    f = loop.create_future()
    loop.call_later(float("nan"), f.set_result, 42)
    never = loop.call_later(float("inf"), print, "never")
    print(await f)
    never.cancel()
    t = loop.time()
    print(t == t, t < 1e6)
    zeros = []
    loop.call_at(0.0, zeros.append, "0.0 first")
    loop.call_at(-0.0, zeros.append, "-0.0 second")
    loop.call_at(-0.0, zeros.append, "-0.0 third")
    loop.call_at(0.0, zeros.append, "0.0 fourth")
    await asyncio.sleep(0.01)
    print(zeros)


asyncio.run(main())
