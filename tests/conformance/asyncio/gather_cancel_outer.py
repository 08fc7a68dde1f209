import asyncio

async def child(name, delay):
    try:
        print(name, "started")
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "was cancelled")
        raise

async def main():
    g = asyncio.gather(child("a", 0.01), child("b", 0.1), child("c", 0.2))
    await asyncio.sleep(0.05)
    print("cancel gather ->", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("awaiting gather raised CancelledError")
    print("gather cancelled?", g.cancelled())

asyncio.run(main())
