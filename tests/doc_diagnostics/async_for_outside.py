async def ticks():
    yield 1

async for t in ticks():
    print(t)
