import asyncio

async def main():
    loop = asyncio.get_running_loop()
    print("same loop from get_event_loop():", asyncio.get_event_loop() is loop)
    print("running:", loop.is_running())
    t = asyncio.current_task()
    print("task loop is the running loop:", t.get_loop() is loop)
    return loop

loop = asyncio.run(main())
print("after run: closed =", loop.is_closed(), "running =", loop.is_running())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("RuntimeError:", e)
