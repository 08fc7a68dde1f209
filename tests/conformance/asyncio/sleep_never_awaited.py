# A sleep coroutine that is made but never awaited is reported where it was made.
import asyncio


async def main():
    asyncio.sleep(1, "lost")
    print("made and dropped")
    await asyncio.sleep(0)
    print("done")


asyncio.run(main())
