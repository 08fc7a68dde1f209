import asyncio

order = []

async def user(lock, name, hold):
    print(f"{name} waiting")
    async with lock:
        order.append(name)
        print(f"{name} acquired")
        await asyncio.sleep(hold)
    print(f"{name} released")

async def main():
    lock = asyncio.Lock()
    tasks = [asyncio.create_task(user(lock, n, 0.05 if n == "a" else 0.01)) for n in ["a", "b", "c", "d"]]
    await asyncio.sleep(0.01)
    late = asyncio.create_task(user(lock, "late", 0))
    await asyncio.gather(*tasks, late)
    print("acquisition order:", order)

asyncio.run(main())
