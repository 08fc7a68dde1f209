import asyncio

async def producer(fut):
    print("producer computing")
    await asyncio.sleep(0.02)
    fut.set_result({"data": 1})
    print("producer set the result")

async def consumer(name, fut):
    print(name, "waiting on future")
    value = await fut
    print(name, "received", value)

async def main():
    fut = asyncio.get_running_loop().create_future()
    await asyncio.gather(consumer("c1", fut), consumer("c2", fut), producer(fut))
    print("future done:", fut.done())

asyncio.run(main())
