import asyncio

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    print("done:", fut.done(), "cancelled:", fut.cancelled())
    loop.call_later(0.01, fut.set_result, "the answer")
    value = await fut
    print("awaited:", value, "| result():", fut.result(), "| done:", fut.done())
    try:
        fut.set_result("again")
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    failing = loop.create_future()
    failing.set_exception(ValueError("bad"))
    try:
        await failing
    except ValueError as e:
        print("awaiting failed future raised", repr(e), "| exception():", repr(failing.exception()))
    cancelled = loop.create_future()
    print("cancel:", cancelled.cancel(), "cancelled:", cancelled.cancelled(), "cancel again:", cancelled.cancel())
    try:
        await cancelled
    except asyncio.CancelledError:
        print("awaiting cancelled future raised CancelledError")
    f2 = asyncio.Future()
    f2.set_result(5)
    print("Future() direct:", await f2, asyncio.isfuture(f2))
    cls_exc = loop.create_future()
    cls_exc.set_exception(KeyError)
    print("exception class instantiated:", repr(cls_exc.exception()))
    try:
        loop.create_future().set_exception(StopIteration())
    except TypeError as e:
        print("TypeError:", e)

asyncio.run(main())
