import asyncio

async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise RuntimeError(f"{name} failed")
    return name

async def main():
    tasks = [
        asyncio.create_task(job("a", 0.01), name="a"),
        asyncio.create_task(job("b", 0.02, fail=True), name="b"),
        asyncio.create_task(job("c", 0.2), name="c"),
    ]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_name() for t in done))
    print("pending:", sorted(t.get_name() for t in pending))
    for t in sorted(done, key=lambda t: t.get_name()):
        print(t.get_name(), "->", repr(t.exception()) if t.exception() else t.result())
    for t in pending:
        t.cancel()
    ok = [asyncio.create_task(job(n, 0.01)) for n in "xy"]
    done, pending = await asyncio.wait(ok, return_when=asyncio.FIRST_EXCEPTION)
    print("no exception: all done =", len(done), "pending =", len(pending))

asyncio.run(main())
