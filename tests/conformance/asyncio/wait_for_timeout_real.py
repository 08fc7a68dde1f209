import asyncio
import time

async def very_slow():
    await asyncio.sleep(3)
    return "too late"

async def main():
    start = time.perf_counter()
    try:
        await asyncio.wait_for(very_slow(), timeout=1)
    except TimeoutError:
        print("timed out after", round(time.perf_counter() - start), "second(s)")

asyncio.run(main())
