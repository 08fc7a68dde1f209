import asyncio

async def worker(name):
    print(f"{name} started")
    await asyncio.sleep(0)
    print(f"{name} resumed")
    return name

async def main():
    tasks = [asyncio.create_task(worker(f"w{i}")) for i in range(3)]
    print("all tasks created, none has run yet")
    print("main still running before first await")
    await asyncio.sleep(0)
    print("main after one sleep(0)")
    results = [await t for t in tasks]
    print(results)

asyncio.run(main())
