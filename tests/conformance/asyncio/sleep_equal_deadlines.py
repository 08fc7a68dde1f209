import asyncio

async def waiter(name):
    await asyncio.sleep(0.05)
    print(name, "woke")

async def main():
    tasks = []
    for name in ["first", "second", "third", "fourth"]:
        tasks.append(asyncio.create_task(waiter(name)))
    print("created in order: first, second, third, fourth")
    await asyncio.gather(*tasks)
    tasks = [asyncio.create_task(waiter(n)) for n in ["z", "y", "x"]]
    await asyncio.wait(tasks)
    print("done")

asyncio.run(main())
