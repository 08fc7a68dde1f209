import asyncio

def fetch():
    await asyncio.sleep(1)
