import asyncio

async def consumer(cond, name, items):
    async with cond:
        print(f"{name} waiting")
        await cond.wait()
        item = items.pop(0) if items else None
        print(f"{name} woke, took {item}")

async def main():
    cond = asyncio.Condition()
    items = []
    tasks = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(4)]
    await asyncio.sleep(0.01)
    async with cond:
        items.append("x")
        print("notify(1)")
        cond.notify()
    await asyncio.sleep(0.01)
    async with cond:
        items.extend(["y", "z"])
        print("notify(2)")
        cond.notify(2)
    await asyncio.sleep(0.01)
    async with cond:
        print("notify_all")
        cond.notify_all()
    await asyncio.gather(*tasks)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
