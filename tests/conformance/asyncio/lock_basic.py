import asyncio

balance = 100

async def withdraw(lock, name, amount):
    global balance
    async with lock:
        print(f"{name} has the lock (locked={lock.locked()})")
        current = balance
        await asyncio.sleep(0.01)
        balance = current - amount
        print(f"{name} withdrew {amount}, balance {balance}")

async def main():
    lock = asyncio.Lock()
    print("initially locked:", lock.locked())
    await asyncio.gather(withdraw(lock, "ann", 30), withdraw(lock, "bob", 20), withdraw(lock, "cy", 10))
    print("final balance", balance, "locked:", lock.locked())
    await lock.acquire()
    print("acquired manually:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
