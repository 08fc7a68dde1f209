# asyncio.sleep's timer: the result passes through, a cancelled sleep leaves no timer behind
# to wake the loop (the clock moves only to the real deadlines), argument errors come from
# the same places as in CPython, and a loop that overrides call_later sees sleep's call.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    print(await asyncio.sleep(0.05, result="r"), await asyncio.sleep(0.02, [1, 2]))
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.1)
    except asyncio.TimeoutError:
        print("timeout at", round(loop.time() - t0, 1))
    sleepers = [asyncio.create_task(asyncio.sleep(0.5 + i / 1000)) for i in range(300)]
    await asyncio.sleep(0.1)
    for t in sleepers[::2]:
        t.cancel()
    await asyncio.sleep(0)
    print(sum(t.cancelled() for t in sleepers), sum(not t.done() for t in sleepers))
    for t in sleepers[1::2]:
        t.cancel()
    await asyncio.sleep(1)
    print("after", round(loop.time() - t0, 1))
    for bad in (None, "x", [1]):
        try:
            await asyncio.sleep(bad)
        except TypeError as e:
            print("TypeError", e)

    async def victim():
        try:
            await asyncio.sleep(3600)
        finally:
            print("victim finally at", round(loop.time() - t0, 1))
    v = asyncio.create_task(victim())
    await asyncio.sleep(0.2)
    v.cancel("stop")
    try:
        await v
    except asyncio.CancelledError as e:
        print("cancelled:", e.args)
    print("end", round(loop.time() - t0, 1))

asyncio.run(main())


class LoggingLoop(type(asyncio.new_event_loop())):
    def call_later(self, delay, callback, *args, context=None):
        print("call_later", delay, callback.__name__, args[1:])
        return super().call_later(delay, callback, *args, context=context)

async def logged():
    print(await asyncio.sleep(0.1, "done"))
    print(await asyncio.sleep(0, "zero"))

loop = LoggingLoop()
loop.run_until_complete(logged())
loop.close()
