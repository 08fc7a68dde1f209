import asyncio

def not_async():
    return 5

try:
    asyncio.run(not_async())
except ValueError as e:
    print("ValueError:", e)

async def fine():
    return "fine"

print(asyncio.run(fine()))
try:
    asyncio.run(None)
except ValueError as e:
    print("ValueError:", e)
