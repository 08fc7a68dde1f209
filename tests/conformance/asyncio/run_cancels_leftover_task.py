import asyncio

async def background():
    print("background: started")
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("background: cancelled by asyncio.run at shutdown")
        raise
    finally:
        print("background: finally")

async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0)
    print("main: returning while background still sleeps")
    return "main result"

print(asyncio.run(main()))
print("after asyncio.run")
