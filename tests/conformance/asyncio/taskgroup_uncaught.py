import asyncio

async def bad():
    await asyncio.sleep(0.01)
    raise ValueError("task in group failed")

async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad())
        tg.create_task(asyncio.sleep(0.1))
    print("not reached")

asyncio.run(main())
