import asyncio

async def slow(name):
    await asyncio.sleep(0.1)
    return name

async def main():
    t1 = asyncio.create_task(slow("one"))
    t2 = asyncio.create_task(slow("two"))
    g = asyncio.gather(t1, t2, return_exceptions=True)
    await asyncio.sleep(0.01)
    t1.cancel()
    results = await g
    print([type(r).__name__ for r in results], results[1])
    t3 = asyncio.create_task(slow("three"))
    t4 = asyncio.create_task(slow("four"))
    g2 = asyncio.gather(t3, t4)
    await asyncio.sleep(0.01)
    t4.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("gather without return_exceptions raised CancelledError")
    print("t3 still running?", not t3.done())
    print(await t3)

asyncio.run(main())
