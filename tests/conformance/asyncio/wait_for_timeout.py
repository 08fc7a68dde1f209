import asyncio

async def slow_op():
    try:
        await asyncio.sleep(0.5)
        return "slow result"
    except asyncio.CancelledError:
        print("slow_op: cancelled by wait_for")
        raise
    finally:
        print("slow_op: cleanup")

async def main():
    print(await asyncio.wait_for(asyncio.sleep(0.01, result="quick"), timeout=0.1))
    try:
        await asyncio.wait_for(slow_op(), timeout=0.05)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, repr(e))
    print(asyncio.TimeoutError is TimeoutError)
    print(await asyncio.wait_for(asyncio.sleep(0.01, result="no timeout"), timeout=None))

asyncio.run(main())
