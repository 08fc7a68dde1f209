import asyncio

async def heartbeat(interval, log):
    n = 0
    try:
        while True:
            n += 1
            log.append(n)
            print("beat", n)
            await asyncio.sleep(interval)
    except asyncio.CancelledError:
        print("heartbeat stopped after", n, "beats")
        raise

async def long_job():
    await asyncio.sleep(0.23)
    return "job result"

async def main():
    log = []
    hb = asyncio.create_task(heartbeat(0.04, log))
    result = await long_job()
    hb.cancel()
    try:
        await hb
    except asyncio.CancelledError:
        pass
    print(result, "| beats:", log)

asyncio.run(main())
