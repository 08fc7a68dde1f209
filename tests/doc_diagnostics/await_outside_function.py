import asyncio

async def main():
    print("hello")

await main()
