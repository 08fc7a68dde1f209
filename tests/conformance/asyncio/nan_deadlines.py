# A NaN deadline (call_later, call_at, sleep) is due at once, as in CPython, whose loop stops
# taking timers at the first with `when >= end_time`, which is never true for NaN.
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
    await asyncio.sleep(float("nan"))
    print("slept nan")

asyncio.run(main())
