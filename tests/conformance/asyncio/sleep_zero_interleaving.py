import asyncio

async def ticker(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        await asyncio.sleep(0)
    print(f"{name} done")

async def main():
    a = asyncio.create_task(ticker("A", 3))
    b = asyncio.create_task(ticker("B", 2))
    c = asyncio.create_task(ticker("C", 4))
    await asyncio.sleep(0)
    print("main after first yield")
    await a
    print("main: A finished")
    await asyncio.gather(b, c)
    print("main: all finished")

asyncio.run(main())
