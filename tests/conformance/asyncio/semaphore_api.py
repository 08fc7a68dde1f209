import asyncio

async def main():
    sem = asyncio.Semaphore(2)
    print("locked:", sem.locked())
    await sem.acquire()
    await sem.acquire()
    print("after two acquires, locked:", sem.locked())
    sem.release()
    print("after release, locked:", sem.locked())
    sem.release()
    sem.release()
    print("unbounded semaphore allows extra release; can acquire 3 times now")
    for i in range(3):
        await sem.acquire()
    print("locked:", sem.locked())
    bounded = asyncio.BoundedSemaphore(1)
    async with bounded:
        print("bounded locked inside:", bounded.locked())
    try:
        bounded.release()
    except ValueError as e:
        print("ValueError:", e)
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
