import asyncio

async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.02):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("timeout_at fired")
    async with asyncio.timeout(None) as cm:
        cm.reschedule(loop.time() + 0.5)
        print("rescheduled deadline is set:", cm.when() is not None)
        await asyncio.sleep(0.01)
    print("no timeout after reschedule")
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("shortened deadline fired")
    try:
        async with asyncio.timeout(0.01):
            try:
                await asyncio.sleep(0.5)
            except asyncio.CancelledError:
                print("inside: the body sees CancelledError")
                raise
    except TimeoutError:
        print("outside: converted to TimeoutError")

asyncio.run(main())
