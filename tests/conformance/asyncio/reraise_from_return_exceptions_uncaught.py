import asyncio

async def check(n):
    await asyncio.sleep(0)
    if n % 3 == 0:
        raise LookupError(f"item {n} missing")
    return n

async def main():
    results = await asyncio.gather(*(check(n) for n in range(1, 5)), return_exceptions=True)
    print(results)
    for r in results:
        if isinstance(r, Exception):
            raise r

asyncio.run(main())
