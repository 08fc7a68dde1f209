import asyncio

async def nested(n):
    if n == 0:
        await asyncio.sleep(0)
        return 0
    return 1 + await nested(n - 1)

async def main():
    print("depth 200:", await nested(200))
    try:
        await nested(10000)
    except RecursionError as e:
        print("RecursionError:", e)
    print("still running:", await nested(10))

asyncio.run(main())
