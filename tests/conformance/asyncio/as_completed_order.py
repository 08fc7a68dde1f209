import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return f"{name} ({delay}s)"

async def main():
    coros = [fetch("slow", 0.05), fetch("fast", 0.01), fetch("medium", 0.03)]
    for i, next_done in enumerate(asyncio.as_completed(coros), 1):
        result = await next_done
        print(i, result)
    try:
        for fut in asyncio.as_completed([fetch("a", 0.01), fetch("b", 0.5)], timeout=0.05):
            print("got", await fut)
    except TimeoutError:
        print("as_completed timed out")

asyncio.run(main())
