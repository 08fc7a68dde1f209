import asyncio
import time

async def hello():
    start = time.monotonic()
    print("Hello")
    await asyncio.sleep(1)
    print("World")
    print("delay was", round(time.monotonic() - start), "second")

asyncio.run(hello())
