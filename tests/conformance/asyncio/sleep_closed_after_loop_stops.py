# A task left sleeping when its loop stops: its coroutine closed by hand outside any running
# loop, and another cancelled then; the loop runs again to deliver the cancellations.
import asyncio


async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")


loop = asyncio.new_event_loop()
a = loop.create_task(sleeper("a"))
b = loop.create_task(sleeper("b"))
loop.run_until_complete(asyncio.sleep(0.01))
a.get_coro().close()
print("a closed:", a.done(), a.get_coro().cr_frame)
print("b cancel:", b.cancel("late"), b.done())
try:
    loop.run_until_complete(b)
except asyncio.CancelledError as e:
    print("b:", e.args, b.cancelled())
print("a cancel:", a.cancel(), a.done())
loop.run_until_complete(asyncio.sleep(0.01))
print("a:", a.done(), a.cancelled(), loop.is_running())
loop.close()
print("closed")
