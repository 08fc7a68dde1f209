import asyncio

async def main():
    print("Asynchronous Programming")

main()
print("calling main() only created a coroutine object")
