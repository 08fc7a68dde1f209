import asyncio

async def never_runs(label):
    print(label, "body runs")
    return 1

async def main():
    t = asyncio.create_task(never_runs("first"))
    t.cancel()
    print("cancelled before its first step")
    try:
        await t
    except asyncio.CancelledError:
        print("CancelledError; cancelled =", t.cancelled())
    coro = never_runs("second")
    t2 = asyncio.create_task(coro)
    await asyncio.sleep(0)
    print("t2 ran already:", t2.done(), t2.result())

asyncio.run(main())
