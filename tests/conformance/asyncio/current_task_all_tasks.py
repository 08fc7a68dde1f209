import asyncio

async def worker(delay):
    await asyncio.sleep(delay)

async def main():
    print("current:", asyncio.current_task().get_name())
    print("all tasks at start:", len(asyncio.all_tasks()))
    tasks = [asyncio.create_task(worker((0.01, 0.1, 0.2)[i - 1]), name=f"worker-{i}") for i in range(1, 4)]
    print("after creating 3:", len(asyncio.all_tasks()))
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await tasks[0]
    print("after first finished:", sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(*tasks)
    print("at end:", [t.get_name() for t in asyncio.all_tasks()])
    print(asyncio.current_task() in asyncio.all_tasks())

asyncio.run(main())
try:
    asyncio.current_task()
except RuntimeError as e:
    print("RuntimeError:", e)
