import asyncio

async def sleeper():
    print("sleeper: going to sleep")
    try:
        await asyncio.sleep(1)
        print("sleeper: never wakes normally")
    except asyncio.CancelledError:
        print("sleeper: cancelled while sleeping")
        raise
    finally:
        print("sleeper: finally block")

async def main():
    t = asyncio.create_task(sleeper())
    await asyncio.sleep(0.01)
    print("cancel returned", t.cancel())
    print("done right after cancel()?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main: awaiting the task raised CancelledError")
    print("cancelled:", t.cancelled(), "done:", t.done())
    print("cancel on done task:", t.cancel())

asyncio.run(main())
