import asyncio

async def hello():
    await asyncio.sleep(0)
    return "hello from custom loop"

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(asyncio.get_event_loop() is loop)
print(loop.run_until_complete(hello()))
other = asyncio.new_event_loop()
print(other is loop, other.run_until_complete(hello()))
other.close()
loop.close()
asyncio.set_event_loop(None)
print("done")
