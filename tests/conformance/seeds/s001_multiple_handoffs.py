import asynio

async def main():
    print("Asynchronously Programming")
    task = asyncio.create_task(foo("text")) # this task will be scheduled to run soon
    await asyncio.sleep(0.5) # since this sleep is set to await, the task is allowed to continue to run once again
    print("Completed") # after 0.5 this print will also be allowed to run, since the foo() sleep is now active

async def foo(text):
    print(text)
    await asyncio.sleep(1) # a coroutine function, must be awaited to run, during this await the processor is free to run the `print("Completed")`

asyncio.run(main()) # awaits the coroutine
