import asyncio

async def inner():
    return "inner"

async def main():
    try:
        asyncio.run(inner())
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("main continues:", await inner())

asyncio.run(main())
