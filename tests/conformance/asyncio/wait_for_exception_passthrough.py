import asyncio

async def failing():
    await asyncio.sleep(0.01)
    raise ConnectionError("remote closed")

async def main():
    try:
        await asyncio.wait_for(failing(), timeout=1)
    except ConnectionError as e:
        print("wait_for re-raised:", repr(e))
    task = asyncio.create_task(asyncio.sleep(0.2))
    try:
        await asyncio.wait_for(task, timeout=0.01)
    except TimeoutError:
        print("task passed to wait_for is cancelled too:", task.cancelled())

asyncio.run(main())
