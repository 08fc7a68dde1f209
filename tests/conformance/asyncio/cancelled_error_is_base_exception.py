import asyncio

async def victim():
    try:
        await asyncio.sleep(1)
    except Exception:
        print("never: Exception does not catch CancelledError")
    except BaseException as e:
        print("caught as BaseException:", type(e).__name__)
        raise

async def main():
    print(issubclass(asyncio.CancelledError, Exception), issubclass(asyncio.CancelledError, BaseException))
    print([c.__name__ for c in asyncio.CancelledError.__mro__])
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("cancelled:", t.cancelled())

asyncio.run(main())
