import asyncio

async def ok(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} finished")
    return name

async def fail(delay):
    await asyncio.sleep(delay)
    print("fail raising")
    raise ValueError("something broke")

async def main():
    try:
        await asyncio.gather(ok("a", 0.01), fail(0.02), ok("b", 0.05))
    except ValueError as e:
        print("gather raised:", repr(e))
    print("other tasks keep running...")
    await asyncio.sleep(0.06)
    print("main done")

asyncio.run(main())
