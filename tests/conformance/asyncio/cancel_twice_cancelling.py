import asyncio

async def target():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("target: cancelling() =", asyncio.current_task().cancelling())
        raise

async def main():
    t = asyncio.create_task(target())
    await asyncio.sleep(0)
    print(t.cancel("one"), t.cancel("two"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter got", e.args)
    print("cancel after done:", t.cancel(), "cancelling:", t.cancelling())

asyncio.run(main())
