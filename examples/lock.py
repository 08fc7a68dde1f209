# asyncio.Lock: without it, the read-modify-write below loses updates, because each task
# yields to the others between reading and writing the shared counter.
import asyncio

counter = 0


async def increment(lock, times):
    global counter
    for _ in range(times):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(increment(lock, 100) for _ in range(5)))
    print("counter:", counter)


asyncio.run(main())
