import asyncio

async def foo(text):
    print(text)
    await asyncio.sleep(1)

async def main():
    tasks = [ foo(i) for i in range(10) ] # dynamically generating tasks, but we can call them one my one as separate args in `aynscio.gather()`
    await asyncio.gather(*tasks, return_exception=True) # the `*` unpackes the lists so each task becomes a separate argument in `asyncio.gather()`
    # return_exception=True: exceptions are treated as success and are aggregated in the results list
    # return_exception=False: exceptions are immediately propagated to the task that awaits
    return "completed"
