import asyncio

async def waiter(cond):
    async with cond:
        try:
            await cond.wait()
        except asyncio.CancelledError:
            print("waiter cancelled; lock re-acquired before raising:", cond.locked())
            raise
    print("never")

async def main():
    cond = asyncio.Condition()
    t = asyncio.create_task(waiter(cond))
    await asyncio.sleep(0.01)
    async with cond:
        t.cancel()
        await asyncio.sleep(0.01)
        print("main still holds the lock; waiter is blocked re-acquiring:", not t.done())
    await asyncio.gather(t, return_exceptions=True)
    print("waiter cancelled:", t.cancelled(), "lock free:", not cond.locked())

asyncio.run(main())
