import asyncio

class SyncOnly:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        return False

async def main():
    try:
        async with SyncOnly():
            pass
    except TypeError as e:
        print("TypeError:", e)
    try:
        with asyncio.Lock():
            pass
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
