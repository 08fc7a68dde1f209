import asyncio
import sys

async def child():
    await asyncio.sleep(0.01)
    print("child calls sys.exit(4)")
    sys.exit(4)

async def main():
    asyncio.create_task(child())
    try:
        await asyncio.sleep(1)
    finally:
        print("main: finally")
    print("never printed")

asyncio.run(main())
