# asyncio.gather runs awaitables concurrently and returns their results in argument order,
# whatever order they finish in.
import asyncio


async def fetch(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished after {delay} s")
    return name.upper()


async def main():
    results = await asyncio.gather(fetch("slow", 3), fetch("fast", 1), fetch("medium", 2))
    print(results)


asyncio.run(main())
