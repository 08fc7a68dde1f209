# Timeouts: wait_for and asyncio.timeout cancel the slow operation and raise TimeoutError.
import asyncio


async def slow():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow() was cancelled")
        raise


async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.5):
            await slow()
    except TimeoutError:
        print("asyncio.timeout expired")


asyncio.run(main())
