import asyncio

async def main():
    cond = asyncio.Condition()
    state = {"count": 0}

    async def waiter():
        async with cond:
            result = await cond.wait_for(lambda: state["count"] >= 3)
            print("predicate satisfied, wait_for returned", result, "count =", state["count"])

    async def incrementer():
        for _ in range(5):
            await asyncio.sleep(0.01)
            async with cond:
                state["count"] += 1
                print("count ->", state["count"])
                cond.notify_all()

    await asyncio.gather(waiter(), incrementer())
    lock = asyncio.Lock()
    shared = asyncio.Condition(lock)
    async with shared:
        print("condition shares the lock:", lock.locked())

asyncio.run(main())
