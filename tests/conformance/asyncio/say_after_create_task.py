import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)
    return what.upper()

async def main():
    task1 = asyncio.create_task(say_after(0.1, "hello"))
    task2 = asyncio.create_task(say_after(0.2, "world"))
    start = time.perf_counter()
    print("started")
    r1 = await task1
    r2 = await task2
    print(r1, r2)
    print(f"finished in {round(time.perf_counter() - start, 1)} s")

asyncio.run(main())
