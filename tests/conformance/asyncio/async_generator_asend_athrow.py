import asyncio

async def accumulator():
    total = 0
    while True:
        try:
            value = yield total
        except ValueError as e:
            print("accumulator caught", repr(e))
            total = 0
            continue
        if value is None:
            break
        total += value

async def main():
    acc = accumulator()
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(10))
    print(await acc.athrow(ValueError("reset")))
    print(await acc.asend(3))
    try:
        await acc.asend(None)
    except StopAsyncIteration:
        print("generator finished")

asyncio.run(main())
