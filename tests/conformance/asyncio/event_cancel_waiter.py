import asyncio

async def waiter(event, name):
    try:
        await event.wait()
        print(name, "saw the event")
    except asyncio.CancelledError:
        print(name, "cancelled while waiting")
        raise

async def main():
    event = asyncio.Event()
    a = asyncio.create_task(waiter(event, "a"))
    b = asyncio.create_task(waiter(event, "b"))
    await asyncio.sleep(0.01)
    a.cancel()
    await asyncio.sleep(0)
    event.set()
    results = await asyncio.gather(a, b, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
