# asyncio basics: two coroutines awaited one after the other take 1 + 2 seconds;
# the same two run as tasks take 2 seconds, because they sleep concurrently.
import asyncio
import time


async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)


async def main():
    start = time.monotonic()
    await say_after(1, "hello")
    await say_after(2, "world")
    print(f"sequential: {time.monotonic() - start:.0f} s")

    start = time.monotonic()
    task1 = asyncio.create_task(say_after(1, "hello"))
    task2 = asyncio.create_task(say_after(2, "world"))
    await task1
    await task2
    print(f"concurrent: {time.monotonic() - start:.0f} s")


asyncio.run(main())
