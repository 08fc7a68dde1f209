import asyncio

async def primary():
    await asyncio.sleep(0.2)
    return "primary answer"

async def cache():
    await asyncio.sleep(0.01)
    return "cached answer"

async def get_answer(timeout):
    try:
        return await asyncio.wait_for(primary(), timeout)
    except TimeoutError:
        print(f"primary too slow (> {timeout}s), using cache")
        return await cache()

async def main():
    print(await get_answer(0.05))
    print(await get_answer(0.3))
    results = await asyncio.gather(get_answer(0.01), get_answer(0.25))
    print(results)

asyncio.run(main())
