import asyncio

async def main():
    lock = asyncio.Lock()
    async with lock:
        print("inside, locked:", lock.locked())
    print("outside, locked:", lock.locked())
    lock.release()

asyncio.run(main())
