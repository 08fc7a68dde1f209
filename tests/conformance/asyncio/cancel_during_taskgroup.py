import asyncio

cancelled = []

async def child(name):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def parent():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(3):
                tg.create_task(child(f"child{i}"))
    except asyncio.CancelledError:
        print("parent: TaskGroup re-raised CancelledError")
        raise

async def main():
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.01)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled())
    print("children cancelled:", sorted(cancelled))

asyncio.run(main())
