import asyncio

async def waiter(fut):
    try:
        return await fut
    except asyncio.CancelledError:
        print("waiter cancelled; the future itself cancelled too:", fut.cancelled())
        raise

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("task cancelled:", t.cancelled(), "| future cancelled:", fut.cancelled())
    fut2 = loop.create_future()
    t2 = asyncio.create_task(waiter(fut2))
    await asyncio.sleep(0)
    fut2.cancel()
    await asyncio.gather(t2, return_exceptions=True)
    print("cancelling the future cancels the waiting task:", t2.cancelled())

asyncio.run(main())
