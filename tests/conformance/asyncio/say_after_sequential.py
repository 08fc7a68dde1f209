import asyncio
import time

async def say_after(delay, what):
    await asyncio.sleep(delay)
    print(what)

async def main():
    start = time.monotonic()
    print("started")
    await say_after(0.1, "hello")
    await say_after(0.2, "world")
    print(f"finished in {round(time.monotonic() - start, 1)} s")

asyncio.run(main())
