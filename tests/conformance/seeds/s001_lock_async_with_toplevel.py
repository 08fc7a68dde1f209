import asyncio

lock = asyncio.lock

async with lock:
  results["sucess"].append(var)
