async def numbers():
    yield 1
    yield 2

def consume():
    async for n in numbers():
        print(n)
