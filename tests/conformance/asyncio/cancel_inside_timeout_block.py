import asyncio

async def worker():
    try:
        async with asyncio.timeout(1):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("wrong: this is a cancel, not a timeout")
    except asyncio.CancelledError:
        print("worker: external cancel passes through timeout() as CancelledError")
        raise

async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
