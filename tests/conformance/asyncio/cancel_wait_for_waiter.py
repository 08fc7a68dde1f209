import asyncio

async def inner():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("inner cancelled")
        raise

async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=5)
    except asyncio.CancelledError:
        print("outer: wait_for cancelled")
        raise

async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.01)
    t.cancel()
    result = await asyncio.gather(t, return_exceptions=True)
    print(result[0].__class__.__name__, t.cancelled())

asyncio.run(main())
