# Contended asyncio.Lock: 500 tasks each enter a critical section 200 times and yield inside it
# (await asyncio.sleep(0)), so the lock is almost always held and waiters queue up. Measures
# acquire/release hand-off and waking waiters. The checksum records the order of entries.
import asyncio

TASKS = 500
TIMES = 200
counter = 0
trace = 0


async def worker(lock, tag):
    global counter, trace
    for _ in range(TIMES):
        async with lock:
            value = counter
            await asyncio.sleep(0)
            counter = value + 1
            trace = (trace * 31 + tag) % 1_000_000_007


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(worker(lock, t) for t in range(TASKS)))
    print(counter, trace)


asyncio.run(main())
