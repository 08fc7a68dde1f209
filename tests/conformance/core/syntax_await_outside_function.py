import asyncio

async def fetch():
    return 42

print("before")
result = await fetch()
print(result)
