# A task's sleep at the edges of its wake-up: the sleep coroutine closed from outside after
# its timer ran but before the task woke; a sleep armed on a loop that is not the task's; and
# a woken task whose step fails, as the loop's exception handler reports it.
import asyncio


async def closed_after_timer():
    c = asyncio.sleep(0.01)
    t = asyncio.create_task(c)
    await asyncio.sleep(0)

    def cb():  # runs after c's timer, before t's next step
        c.close()
        print("waiter:", t._fut_waiter)
        print("cancel:", t.cancel())

    asyncio.get_running_loop().call_later(0.01, cb)
    try:
        await t
    except BaseException as e:
        print(type(e).__name__, e)


asyncio.run(closed_after_timer())

other = asyncio.new_event_loop()


async def armed_on_other_loop():
    asyncio._set_running_loop(other)
    try:
        await asyncio.sleep(0.01)
        print("slept")
    except RuntimeError as e:
        print("RuntimeError", "different loop" in str(e))
    asyncio._set_running_loop(None)


loop = asyncio.new_event_loop()
loop.run_until_complete(armed_on_other_loop())
loop.close()
other.close()


async def sleeper():
    await asyncio.sleep(0.01)


async def failing_wakeup():
    loop = asyncio.get_running_loop()

    def handler(loop, ctx):
        if "callback" in ctx["message"]:
            print(ctx["message"][:60])
            print(type(ctx["exception"]).__name__)

    loop.set_exception_handler(handler)
    asyncio.create_task(sleeper())
    await asyncio.sleep(0)
    loop._run_once()
    loop._run_once()  # sleeper's wake-up runs inside main: "Cannot enter into task"


loop = asyncio.new_event_loop()
loop.run_until_complete(failing_wakeup())
loop.close()
print("done")
