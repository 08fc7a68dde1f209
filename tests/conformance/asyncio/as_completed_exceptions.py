import asyncio

async def maybe(n):
    await asyncio.sleep(n / 100)
    if n == 2:
        raise ValueError("two is bad")
    return n

async def main():
    for fut in asyncio.as_completed([maybe(3), maybe(1), maybe(2)]):
        try:
            print("result", await fut)
        except ValueError as e:
            print("error", e)

asyncio.run(main())
