import asyncio

async def main():
    task = asyncio.current_task()
    asyncio.get_running_loop().call_later(0.01, task.cancel)
    print("main sleeping; it will be cancelled")
    await asyncio.sleep(1)

asyncio.run(main())
