import asyncio

class Countdown:
    def __init__(self, start):
        self.current = start

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.current <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0)
        self.current -= 1
        return self.current + 1

class Paginator:
    def __init__(self, pages):
        self.pages = pages

    async def __aiter__(self):
        for number, page in enumerate(self.pages, 1):
            await asyncio.sleep(0)
            yield number, page

async def main():
    async for n in Countdown(3):
        print("countdown", n)
    else:
        print("async for ... else runs too")
    async for number, page in Paginator([["a", "b"], ["c"]]):
        print("page", number, page)
    try:
        async for x in [1, 2]:
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
