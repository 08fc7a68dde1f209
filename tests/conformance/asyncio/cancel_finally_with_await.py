import asyncio

async def connection(name):
    print(name, "open")
    try:
        await asyncio.sleep(1)
    finally:
        print(name, "closing...")
        await asyncio.sleep(0.01)
        print(name, "closed")

async def main():
    tasks = [asyncio.create_task(connection(f"conn{i}")) for i in range(3)]
    await asyncio.sleep(0.01)
    for t in tasks:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ for r in results])

asyncio.run(main())
