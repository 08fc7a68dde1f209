import asyncio

async def stream():
    print("stream: open")
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0)
    finally:
        print("stream: cleanup in finally")

async def main():
    agen = stream()
    async for item in agen:
        print("item", item)
        if item == 2:
            break
    print("loop broken; generator not finalized yet")
    await agen.aclose()
    print("after aclose")
    await agen.aclose()
    print("aclose twice is fine")
    try:
        await anext(agen)
    except StopAsyncIteration:
        print("closed generator raises StopAsyncIteration")

asyncio.run(main())
