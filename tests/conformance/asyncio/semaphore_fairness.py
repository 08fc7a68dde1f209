import asyncio

order = []

async def worker(sem, name):
    async with sem:
        order.append(name)
        await asyncio.sleep(0.01)

async def main():
    sem = asyncio.Semaphore(1)
    tasks = [asyncio.create_task(worker(sem, f"t{i}")) for i in range(5)]
    await asyncio.sleep(0)
    tasks.append(asyncio.create_task(worker(sem, "late")))
    await asyncio.gather(*tasks)
    print(order)

asyncio.run(main())
