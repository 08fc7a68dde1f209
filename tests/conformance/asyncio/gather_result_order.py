import asyncio

async def fetch(name, delay):
    print(f"fetch {name} start")
    await asyncio.sleep(delay)
    print(f"fetch {name} done")
    return f"{name}-data"

async def main():
    results = await asyncio.gather(
        fetch("slow", 0.05),
        fetch("fast", 0.01),
        fetch("mid", 0.03),
    )
    print("results in argument order:", results)
    print(await asyncio.gather())
    single = await asyncio.gather(fetch("only", 0))
    print(single, type(single).__name__)

asyncio.run(main())
