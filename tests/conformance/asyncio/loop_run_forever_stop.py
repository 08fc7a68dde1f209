import asyncio

loop = asyncio.new_event_loop()
ticks = []

def tick(n):
    ticks.append(n)
    print("tick", n, "running:", loop.is_running())
    if n < 3:
        loop.call_later(0.01, tick, n + 1)
    else:
        loop.stop()
        print("stop() requested")

loop.call_soon(tick, 1)
loop.run_forever()
print("run_forever returned, ticks =", ticks, "running:", loop.is_running())

async def background():
    print("background task runs inside run_forever")
    await asyncio.sleep(0.01)
    loop.stop()

loop.create_task(background())
loop.run_forever()
loop.close()
print("closed:", loop.is_closed())
