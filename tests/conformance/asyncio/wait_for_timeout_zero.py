import asyncio

async def body(label):
    print(label, "started")
    await asyncio.sleep(0)
    return label

async def main():
    try:
        await asyncio.wait_for(body("zero-timeout"), timeout=0)
    except TimeoutError:
        print("timeout=0 on a pending coroutine -> TimeoutError")
    t = asyncio.create_task(body("ready"))
    await t
    print(await asyncio.wait_for(t, timeout=0))
    try:
        await asyncio.wait_for(body("negative"), timeout=-1)
    except TimeoutError:
        print("negative timeout -> TimeoutError")

asyncio.run(main())
