import asyncio

async def step(n):
    await asyncio.sleep(0.2 if n == 3 else 0.01 * n)
    print("step", n)
    if n == 2:
        raise KeyError(f"step-{n}")
    return n

async def main():
    results = await asyncio.gather(step(1), step(2), step(3))
    print(results)

asyncio.run(main())
