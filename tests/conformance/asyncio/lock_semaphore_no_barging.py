import asyncio

async def contender(prim, name, log):
    async with prim:
        log.append(name)
        await asyncio.sleep(0)

async def holder_then_retry(prim, log):
    await prim.acquire()
    log.append("holder")
    await asyncio.sleep(0.01)
    prim.release()
    # try to grab it again immediately, without yielding in between
    print("  after release, locked() =", prim.locked())
    async with prim:
        log.append("holder again")

async def scenario(prim):
    log = []
    h = asyncio.create_task(holder_then_retry(prim, log))
    await asyncio.sleep(0)
    waiters = [asyncio.create_task(contender(prim, f"w{i}", log)) for i in range(2)]
    await asyncio.gather(h, *waiters)
    return log

async def main():
    print("Lock:", await scenario(asyncio.Lock()))
    print("Semaphore(1):", await scenario(asyncio.Semaphore(1)))
    print("BoundedSemaphore(1):", await scenario(asyncio.BoundedSemaphore(1)))

asyncio.run(main())
