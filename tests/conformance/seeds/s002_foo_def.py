async def foo(text):
    print(text)
    await asyncio.sleep(1)
