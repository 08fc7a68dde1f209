import asyncio

async def fetch_data():
    print("starting fetch")
    await asyncio.sleep(2) # simulates api call, wait period for server to generate response, frees up processor to run the print_numbers()
    print("finished fetch") # won't run until `asyncio.sleep(2)` completes
    return {'data': 1}

async def print_numbers():
    for i in range(10):
        print(i) # will print i
        await asyncio.sleep(0.25) # frees processor, but can't give execution back to any other tasks because asyncio.sleep(2) is still running for fetch_data()
        # this loop will continue, until another task can pick up execution while in its own `asyncio.sleep(0.25)

async def main():
    task1 = asyncio.create_task(fetch_data()) # schedules coroutine to run in the background
    task2 = asyncio.create_task(print_numbers()) # schedules coroutine to run in the background

    value = await task1 # if we do not await, main function will attempt to assign the pending task to value, which will cause an error
    # should we await task2, the entire execution will run before program exits

    print(value)

asyncio.run(main()) # awaits coroutine 
