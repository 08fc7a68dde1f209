import asyncio

def regular():
    return 42

async def main():
    for value in [5, None, "text", [1, 2], regular]:
        try:
            await value
        except TypeError as e:
            print("TypeError:", e)
    try:
        await regular()
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
