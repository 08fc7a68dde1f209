import asynio

async def main():
    print("Asynchronously Programming")
    await foo("text") # calling a coroutine function, must also be awaited to run

async def foo(text):
    print(text)
    await asyncio.sleep(1) # a coroutine function, must be awaited to run 

asyncio.run(main()) # awaits the coroutine
