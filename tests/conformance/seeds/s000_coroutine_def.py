import asyncio

# async forms a wrapper around a regular function
# when u call this function it will return a coroutine object
# just like a function, this coroutine object can be executed
async def main():
    print("Asynchronous Programming")
