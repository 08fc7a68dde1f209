import asyncio

async def sleeper(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} woke after {delay}")

async def main():
    await asyncio.gather(
        sleeper("slow", 0.05),
        sleeper("fast", 0.01),
        sleeper("medium", 0.03),
        sleeper("instant", 0),
        sleeper("fast-2", 0.01),
    )
    print("all awake")

asyncio.run(main())
