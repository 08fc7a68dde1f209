import asyncio
import time

async def job(name, seconds):
    await asyncio.sleep(seconds)
    print(name, "done")
    return seconds

async def main():
    start = time.time()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(job("a", 1))
        b = tg.create_task(job("b", 2))
        c = tg.create_task(job("c", 1.5))
    print(a.result() + b.result() + c.result(), "seconds of work took", round(time.time() - start), "seconds")

asyncio.run(main())
