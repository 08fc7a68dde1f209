import asyncio

async def numbers(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i

async def square(x):
    await asyncio.sleep(0)
    return x * x

async def main():
    print([x async for x in numbers(5)])
    print([x async for x in numbers(10) if x % 3 == 0])
    print({x % 2 async for x in numbers(6)})
    print({x: await square(x) async for x in numbers(4)})
    print([await square(x) for x in range(5)])
    gen = (x * 10 async for x in numbers(3))
    print(type(gen).__name__, [y async for y in gen])
    print([(a, b) async for a in numbers(2) for b in range(2)])

asyncio.run(main())
