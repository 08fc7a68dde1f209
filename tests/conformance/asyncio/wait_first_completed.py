import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = [asyncio.create_task(job(d), name=f"job-{d}") for d in (0.05, 0.01, 0.1)]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    print("results:", [t.result() for t in done])
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("next done:", sorted(t.get_name() for t in done), "still pending:", len(pending))
    for t in pending:
        t.cancel()
    print(asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)

asyncio.run(main())
