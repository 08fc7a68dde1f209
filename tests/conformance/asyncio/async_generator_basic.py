import asyncio

async def ticker(n, delay):
    for i in range(n):
        await asyncio.sleep(delay)
        yield i

async def main():
    async for value in ticker(3, 0.01):
        print("tick", value)
    agen = ticker(2, 0)
    print(type(agen).__name__)
    print(await agen.__anext__(), await anext(agen))
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("StopAsyncIteration at the end")
    print(await anext(ticker(0, 0), "default"))
    print([x async for x in ticker(4, 0)])

asyncio.run(main())
