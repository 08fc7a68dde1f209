import asyncio

async def who(tag):
    task = asyncio.current_task()
    print(tag, "runs in", task.get_name())
    await asyncio.sleep(0)
    return task.get_name()

async def main():
    print("main is", asyncio.current_task().get_name())
    names = await asyncio.gather(who("a"), who("b"), who("c"))
    print(names)
    t = asyncio.create_task(who("d"))
    u = asyncio.create_task(who("e"), name="custom-name")
    print(await t, await u)
    print(await asyncio.gather(who("f"), t))

asyncio.run(main())
