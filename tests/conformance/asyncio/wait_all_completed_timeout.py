import asyncio

async def job(delay):
    await asyncio.sleep(delay)
    return delay

async def main():
    tasks = {asyncio.create_task(job(d), name=str(d)) for d in (0.01, 0.02, 0.3)}
    done, pending = await asyncio.wait(tasks, timeout=0.1)
    print("done:", sorted(t.get_name() for t in done), "pending:", sorted(t.get_name() for t in pending))
    print("wait does not cancel on timeout:", [t.cancelled() for t in pending])
    done, pending = await asyncio.wait(pending)
    print("after second wait:", sorted(t.result() for t in done), len(pending))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("ValueError:", e)

asyncio.run(main())
