import asyncio

async def waiter(event, name):
    print(f"{name} waiting for the event")
    result = await event.wait()
    print(f"{name} woke up, wait() returned {result}")

async def main():
    event = asyncio.Event()
    print("is_set:", event.is_set())
    tasks = [asyncio.create_task(waiter(event, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.01)
    print("setting the event")
    event.set()
    print("is_set:", event.is_set())
    await asyncio.gather(*tasks)
    print("wait on a set event returns at once:", await event.wait())
    event.clear()
    print("after clear:", event.is_set())
    try:
        await asyncio.wait_for(event.wait(), timeout=0.01)
    except TimeoutError:
        print("cleared event: wait timed out")

asyncio.run(main())
