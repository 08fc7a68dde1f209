# TaskGroup (Python 3.11): when one child fails, the others are cancelled and the errors
# arrive together in an ExceptionGroup, which except* can take apart.
import asyncio


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise ValueError(f"{name} failed")
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.1))
            tg.create_task(child("b", 0.2, fail=True))
            tg.create_task(child("c", 1.0))
    except* ValueError as eg:
        print("caught:", [str(e) for e in eg.exceptions])


asyncio.run(main())
