# A done-callback that raises goes to the loop's exception handler with a context holding the
# message, the exception and the handle that ran it; the loop keeps running.
import asyncio


def bad(fut):
    raise ValueError(f"bad callback for {fut.result()}")


def handler(loop, context):
    handle = context["handle"]
    # CPython's message ends with the callback's source file (an absolute path) and shortens
    # long argument reprs with reprlib; compare the start only.
    print("handler:", context["message"].startswith("Exception in callback bad(<"))
    print("  exception:", repr(context["exception"]))
    print("  handle:", type(handle).__name__, handle.cancelled())


async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    fut = loop.create_future()
    fut.add_done_callback(bad)
    fut.set_result(42)
    await asyncio.sleep(0)
    print("still running")

    async def work():
        return "done"

    task = asyncio.create_task(work())
    task.add_done_callback(bad)
    print(await task)
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
