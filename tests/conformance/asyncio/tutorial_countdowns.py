import asyncio

async def countdown(name, n, delay):
    while n > 0:
        print(f"{name}: {n}")
        await asyncio.sleep(delay)
        n -= 1
    print(f"{name}: liftoff!")
    return name

async def main():
    winners = []
    tasks = [asyncio.create_task(countdown("A", 3, 0.01)), asyncio.create_task(countdown("B", 2, 0.05))]
    for coro in asyncio.as_completed(tasks):
        winners.append(await coro)
    print("finish order:", winners)

asyncio.run(main())
