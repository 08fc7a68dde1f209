import asyncio

async def foo(text):
   print(text)
   await asyncio.sleep(1)

async def main():
   # With TaskGroup(), if a task in a group fails with an exception, other than `asyncio.CancelledError` the remaining tasks in the group are also cancelled
   # You can terminate a taskgroup as well since its not natively supported
   async with asyncio.TaskGroup as tg: # using async with will wait for all tasks to complete, runs without blocking event loop
       for i in range(10):
           tg.create_task(foo(i))
