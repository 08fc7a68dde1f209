import asyncio

async def payload(n):
    await asyncio.sleep(0)
    return n

async def main():
    coro = payload(7)
    t = asyncio.create_task(coro)
    print(t.get_coro() is coro, asyncio.iscoroutine(t.get_coro()), t.get_coro().__name__ if hasattr(t.get_coro(), "__name__") else "?")
    print(await t)
    print(asyncio.isfuture(t), asyncio.isfuture(coro), isinstance(t, asyncio.Future), isinstance(t, asyncio.Task))

asyncio.run(main())
