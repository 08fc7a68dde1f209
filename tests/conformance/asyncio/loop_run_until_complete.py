import asyncio

async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b

loop = asyncio.new_event_loop()
print("running:", loop.is_running(), "closed:", loop.is_closed())
print(loop.run_until_complete(add(2, 3)))
task = loop.create_task(add(10, 20))
print(loop.run_until_complete(task), task.done())
fut = loop.create_future()
loop.call_soon(fut.set_result, "from callback")
print(loop.run_until_complete(fut))
loop.close()
print("closed:", loop.is_closed())
try:
    loop.run_until_complete(add(1, 1))
except RuntimeError as e:
    print("RuntimeError:", e)
