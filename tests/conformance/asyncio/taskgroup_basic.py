import asyncio

async def fetch(name, delay):
    print(f"{name}: start")
    await asyncio.sleep(delay)
    print(f"{name}: done")
    return name.upper()

async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(fetch("alpha", 0.03))
        t2 = tg.create_task(fetch("beta", 0.01), name="beta-task")
        print("tasks created inside the group")
    print("group exited: all tasks done", t1.done(), t2.done())
    print(t1.result(), t2.result(), t2.get_name())

asyncio.run(main())
