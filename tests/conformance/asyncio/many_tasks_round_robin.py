import asyncio

async def worker(i, rounds, log):
    for r in range(rounds):
        log.append((r, i))
        await asyncio.sleep(0)
    return i * i

async def main():
    log = []
    results = await asyncio.gather(*(worker(i, 3, log) for i in range(1000)))
    print(len(results), sum(results))
    print(log[:3], log[998:1002], log[-2:])
    print("round-robin order kept:", log == sorted(log))
    print(len(asyncio.all_tasks()))

asyncio.run(main())
