# Task(coro=..., name=...) and future.cancel(msg=...) by keyword.
import asyncio
async def work():
    await asyncio.sleep(0)
    return 1
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.Task(coro=work(), name="kw")
    t.add_done_callback(lambda f: print("done", f.get_name()))
    print(await t)
    f = loop.create_future()
    print(f.cancel(msg="why"))
    try:
        await f
    except asyncio.CancelledError as e:
        print("cancelled", e.args)
    await asyncio.sleep(0)
asyncio.run(main())
