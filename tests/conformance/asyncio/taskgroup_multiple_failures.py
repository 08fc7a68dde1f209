import asyncio

async def fail_after(delay, exc):
    await asyncio.sleep(delay)
    raise exc

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.01, ValueError("v1")))
            tg.create_task(fail_after(0.01, TypeError("t1")))
            tg.create_task(fail_after(0.01, ValueError("v2")))
    except* ValueError as eg:
        print("ValueErrors:", [str(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("TypeErrors:", [str(e) for e in eg.exceptions])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(0.01, KeyError("k")))
    except ExceptionGroup as eg:
        print(type(eg).__name__, str(eg), eg.exceptions)

asyncio.run(main())
