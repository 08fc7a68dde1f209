import asyncio

async def fetch():
    return 42

def not_async():
    value = await fetch()
    return value

print(not_async())
