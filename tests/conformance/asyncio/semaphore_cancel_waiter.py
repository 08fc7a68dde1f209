import asyncio

async def worker(sem, name, hold):
    try:
        async with sem:
            print(name, "acquired")
            await asyncio.sleep(hold)
        print(name, "released")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    sem = asyncio.Semaphore(1)
    a = asyncio.create_task(worker(sem, "a", 0.03))
    b = asyncio.create_task(worker(sem, "b", 0.01))
    c = asyncio.create_task(worker(sem, "c", 0.01))
    await asyncio.sleep(0.01)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("b cancelled:", b.cancelled(), "semaphore free:", not sem.locked())

asyncio.run(main())
