import asyncio

async def child():
    await asyncio.sleep(0.01)
    print("child done")
    return "c"

async def watcher(task):
    result = await task
    print("watcher saw", result)

async def main():
    t = asyncio.create_task(child())
    t.add_done_callback(lambda _: print("callback A (registered first)"))
    w = asyncio.create_task(watcher(t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda _: print("callback B (registered after watcher awaited)"))
    await t
    print("main resumed")
    await w

asyncio.run(main())
