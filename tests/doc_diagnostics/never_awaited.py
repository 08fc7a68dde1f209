import asyncio

async def main():
    print("hello")

main()
print("the coroutine never ran")
