import asyncio

cancelled = []

async def worker(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "completed")
        return name
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("quick", 0.01))
            tg.create_task(worker("bad", 0.02, fail=True))
            tg.create_task(worker("slow", 0.5))
            tg.create_task(worker("slower", 1))
    except* ValueError as eg:
        print("caught:", repr(eg))
        for e in eg.exceptions:
            print("  -", type(e).__name__, e)
    print("cancelled by the group:", sorted(cancelled))
    print("after the group")

asyncio.run(main())
