import asyncio

async def job():
    print("job runs")
    return "done"

coro = job()
print(asyncio.run(coro))
print(asyncio.run(coro))
