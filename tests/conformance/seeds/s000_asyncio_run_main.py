async def main():
    print("Asynchronous Programming")

asyncio.run(main()) # creates the event-loop, and passing the coroutine to that loop
# this also runs the coroutine, effectively awaiting it
