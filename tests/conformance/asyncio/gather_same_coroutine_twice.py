import asyncio

calls = 0

async def counted():
    global calls
    calls += 1
    print("counted running, call", calls)
    await asyncio.sleep(0.01)
    return calls

async def main():
    coro = counted()
    results = await asyncio.gather(coro, coro, coro)
    print("results:", results, "calls:", calls)
    task = asyncio.create_task(counted())
    print(await asyncio.gather(task, task), "calls:", calls)

asyncio.run(main())
