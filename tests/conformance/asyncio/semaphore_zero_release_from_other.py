import asyncio

async def gated(sem, name):
    print(name, "waiting at the gate")
    async with sem:
        print(name, "passed")

async def opener(sem):
    for i in range(3):
        await asyncio.sleep(0.01)
        print("opener releases", i)
        sem.release()

async def main():
    sem = asyncio.Semaphore(0)
    print("locked:", sem.locked())
    await asyncio.gather(gated(sem, "a"), gated(sem, "b"), opener(sem))

asyncio.run(main())
