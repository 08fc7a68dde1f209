import asyncio

lock = asyncio.Lock()
print("start")
async with lock:
    print("inside")
