import asyncio

async def compute(x):
    print("computing", x)
    await asyncio.sleep(0)
    return x * x

async def main():
    a = await compute(3)
    b = await compute(4)
    print("sum of squares", a + b)
    return a + b

result = asyncio.run(main())
print("asyncio.run returned", result)
print(asyncio.run(compute(5)))
