import asyncio

async def job():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside job:", repr(e), e.args)
        raise

async def main():
    t = asyncio.create_task(job())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees:", repr(e), e.args)
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises:", repr(e))

asyncio.run(main())
