import asyncio

class ReturnsList:
    def __await__(self):
        return [1, 2]

class YieldsValue:
    def __await__(self):
        yield "not a future"

async def main():
    try:
        await ReturnsList()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await YieldsValue()
    except RuntimeError as e:
        print("RuntimeError:", e)

asyncio.run(main())
