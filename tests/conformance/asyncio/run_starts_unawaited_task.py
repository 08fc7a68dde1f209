import asyncio

async def fire_and_forget(name):
    print(name, "started")
    await asyncio.sleep(0.01)
    print(name, "finished (never printed: cancelled at shutdown)")

async def main_no_yield():
    asyncio.create_task(fire_and_forget("no-yield"))
    print("main returns without yielding")

async def main_yield():
    asyncio.create_task(fire_and_forget("yield"))
    await asyncio.sleep(0)
    print("main yielded once")

asyncio.run(main_no_yield())
print("---")
asyncio.run(main_yield())
