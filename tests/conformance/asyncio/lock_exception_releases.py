import asyncio

async def risky(lock, n):
    try:
        async with lock:
            print("task", n, "holds the lock")
            await asyncio.sleep(0)
            if n == 1:
                raise ValueError("failure while holding lock")
    except ValueError as e:
        print("task", n, "error:", e, "| lock released:", not lock.locked() or "held by next")

async def main():
    lock = asyncio.Lock()
    await asyncio.gather(risky(lock, 0), risky(lock, 1), risky(lock, 2))
    print("lock free at end:", not lock.locked())

asyncio.run(main())
