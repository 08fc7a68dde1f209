import asyncio

async def background():
    await asyncio.sleep(0.01)
    raise ValueError("nobody is listening")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.05)
    print("main done without awaiting the task")

asyncio.run(main())
print("after asyncio.run")
