import asyncio

async def holder(lock):
    async with lock:
        print("holder: got lock")
        await asyncio.sleep(0.05)
    print("holder: released")

async def waiter(lock, name):
    try:
        print(f"{name}: waiting for lock")
        async with lock:
            print(f"{name}: got lock")
    except asyncio.CancelledError:
        print(f"{name}: cancelled while waiting for the lock")
        raise

async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    w1 = asyncio.create_task(waiter(lock, "w1"))
    w2 = asyncio.create_task(waiter(lock, "w2"))
    await asyncio.sleep(0.01)
    w1.cancel()
    await asyncio.gather(h, w1, w2, return_exceptions=True)
    print("w1 cancelled:", w1.cancelled(), "| lock free:", not lock.locked())

asyncio.run(main())
