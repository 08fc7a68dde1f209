import asynio

async def main():
    print("Asynchronously Programming")
    task = asyncio.create_task(foo("text")) # tells asyncio to execute coroutine as soon as it can, and to allow other code to run while this coroutine is staled
    # because creating the task does not block the processor, the print("Completed") is able to be executed
    # if we want to reestablish the "synchronous", we can also `await task` itself, to tell python to wait for this task to finish
    print("Completed")

async def foo(text):
    print(text)
    await asyncio.sleep(1) # a coroutine function, must be awaited to run

asyncio.run(main()) # awaits the coroutine

# awaiting task
import asynio

async def main():
    print("Asynchronously Programming")
    task = asyncio.create_task(foo("text"))
    await task # when we await, we're pausing execution until its completed (unless its awaiting a asyncio.sleep())
    print("Completed")

async def foo(text):
    print(text)
    await asyncio.sleep(1)

asyncio.run(main()) # awaits the coroutine
