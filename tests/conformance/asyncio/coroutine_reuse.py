import asyncio

async def once():
    await asyncio.sleep(0)
    return "value"

async def main():
    coro = once()
    print(await coro)
    try:
        await coro
    except RuntimeError as e:
        print("RuntimeError:", e)
    t = asyncio.create_task(once())
    print(await t, await t, "(awaiting a task twice is fine)")

asyncio.run(main())
