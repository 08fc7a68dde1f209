import asyncio
import time

async def main():
    print("sleeping the wrong way")
    await time.sleep(0.01)

asyncio.run(main())
