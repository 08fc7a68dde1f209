import asyncio

async def child(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished (asyncio.wait does not cancel its tasks)")
    return name

async def supervisor(tasks):
    try:
        await asyncio.wait(tasks)
    except asyncio.CancelledError:
        print("supervisor cancelled while in asyncio.wait")
        raise

async def main():
    tasks = [asyncio.create_task(child("c1", 0.05)), asyncio.create_task(child("c2", 0.06))]
    sup = asyncio.create_task(supervisor(tasks))
    await asyncio.sleep(0.01)
    sup.cancel()
    await asyncio.gather(sup, return_exceptions=True)
    print("children still running:", [not t.done() for t in tasks])
    print(await asyncio.gather(*tasks))

asyncio.run(main())
