import asyncio

async def noop():
    return "noop"

async def main():
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(noop())
    print(t.result())
    coro = noop()
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print("RuntimeError:", type(e).__name__, "raised for a finished TaskGroup")
    coro.close()
    async with asyncio.TaskGroup() as tg2:
        pass
    print("empty TaskGroup is fine")
    async with asyncio.TaskGroup() as tg3:
        inner = tg3.create_task(noop())
        nested = tg3.create_task(asyncio.sleep(0.01, result="slept"))
        print("inside, done yet?", inner.done(), nested.done())
    print(inner.result(), nested.result())

asyncio.run(main())
