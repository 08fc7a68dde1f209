import asyncio

async def succeed():
    await asyncio.sleep(0.01)
    return "value"

async def explode():
    await asyncio.sleep(0.01)
    raise KeyError("missing")

async def main():
    t = asyncio.create_task(succeed())
    print("done?", t.done(), "cancelled?", t.cancelled())
    try:
        t.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    try:
        t.exception()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    await t
    print("done?", t.done(), "result:", t.result(), "exception:", t.exception())
    bad = asyncio.create_task(explode())
    await asyncio.sleep(0.05)
    print("bad done?", bad.done(), "exception:", repr(bad.exception()))
    try:
        bad.result()
    except KeyError as e:
        print("result() re-raises:", repr(e))
    c = asyncio.create_task(succeed())
    await asyncio.sleep(0)
    c.cancel()
    await asyncio.sleep(0)
    print("cancelled?", c.cancelled(), "done?", c.done())
    for method in (c.result, c.exception):
        try:
            method()
        except asyncio.CancelledError as e:
            print(method.__name__, "raised CancelledError", repr(e))

asyncio.run(main())
