import asyncio

async def part(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def coordinator():
    try:
        await asyncio.gather(part("p1", 0.01), part("p2", 0.5), part("p3", 0.5))
    except asyncio.CancelledError:
        print("coordinator: gather was cancelled")
        raise

async def main():
    t = asyncio.create_task(coordinator())
    await asyncio.sleep(0.05)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main: coordinator cancelled =", t.cancelled())

asyncio.run(main())
