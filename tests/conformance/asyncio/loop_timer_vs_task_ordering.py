import asyncio

async def task_body(name):
    print(name, "step 1")
    await asyncio.sleep(0)
    print(name, "step 2")

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "call_soon before task")
    t = asyncio.create_task(task_body("task"))
    loop.call_soon(print, "call_soon after task")
    loop.call_later(0, print, "call_later(0)")
    print("main yields")
    await asyncio.sleep(0)
    print("main back")
    await t
    print("main done")

asyncio.run(main())
