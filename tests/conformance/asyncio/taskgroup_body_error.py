import asyncio

cancelled = []

async def child(name):
    try:
        await asyncio.sleep(0.5)
    except asyncio.CancelledError:
        cancelled.append(name)
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1"))
            tg.create_task(child("c2"))
            await asyncio.sleep(0.01)
            raise RuntimeError("body exploded")
    except* RuntimeError as eg:
        print("group raised:", repr(eg))
    # TaskGroup cancels its children in set order, so sort before printing
    print("children cancelled:", sorted(cancelled))

asyncio.run(main())
