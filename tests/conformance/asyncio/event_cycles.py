import asyncio

async def light(event, log):
    for cycle in range(3):
        await event.wait()
        log.append(f"green {cycle}")
        print("car passes in cycle", cycle)
        await asyncio.sleep(0.04)

async def controller(event):
    for cycle in range(3):
        print("set green", cycle)
        event.set()
        await asyncio.sleep(0.01)
        event.clear()
        print("set red", cycle)
        await asyncio.sleep(0.06)

async def main():
    event = asyncio.Event()
    log = []
    await asyncio.gather(light(event, log), controller(event))
    print(log)

asyncio.run(main())
