import asyncio

async def bad_cleanup():
    try:
        await asyncio.sleep(10)
    finally:
        raise RuntimeError("error during cancellation cleanup")

async def main():
    asyncio.create_task(bad_cleanup())
    await asyncio.sleep(0)
    print("main done")

asyncio.run(main())
print("asyncio.run returned normally")
