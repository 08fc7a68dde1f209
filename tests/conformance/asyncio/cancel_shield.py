import asyncio

async def critical():
    print("critical: start")
    await asyncio.sleep(0.05)
    print("critical: finished its work")
    return "saved"

async def caller(inner):
    return await asyncio.shield(inner)

async def main():
    inner = asyncio.create_task(critical())
    outer = asyncio.create_task(caller(inner))
    await asyncio.sleep(0.01)
    outer.cancel()
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled; inner done?", inner.done())
    print("inner result:", await inner)
    shielded = asyncio.shield(asyncio.sleep(0.01, result="direct"))
    print(await shielded)

asyncio.run(main())
