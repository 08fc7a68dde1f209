import asyncio

async def boom(delay, msg):
    await asyncio.sleep(delay)
    raise RuntimeError(msg)

async def main():
    try:
        await asyncio.gather(boom(0.02, "second"), boom(0.01, "first"))
    except RuntimeError as e:
        print("first exception to happen wins:", e)
    await asyncio.sleep(0.03)
    print("main done")

asyncio.run(main())
