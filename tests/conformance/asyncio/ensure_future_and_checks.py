import asyncio

async def coro_fn():
    return "coro result"

def plain_fn():
    return 1

async def main():
    c = coro_fn()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(coro_fn), asyncio.iscoroutinefunction(coro_fn), asyncio.iscoroutinefunction(plain_fn))
    t = asyncio.ensure_future(c)
    print(type(t).__name__, asyncio.isfuture(t), await t)
    fut = asyncio.get_running_loop().create_future()
    print(asyncio.ensure_future(fut) is fut, asyncio.isfuture(fut), asyncio.isfuture(5))
    fut.set_result(None)
    try:
        asyncio.ensure_future(5)
    except TypeError as e:
        print("TypeError:", e)
    try:
        asyncio.create_task(plain_fn())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
