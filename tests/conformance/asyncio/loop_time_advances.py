import asyncio

async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.1)
    t1 = loop.time()
    await asyncio.sleep(0.2)
    t2 = loop.time()
    print("first sleep ~", round(t1 - t0, 1))
    print("second sleep ~", round(t2 - t1, 1))
    print("monotonic:", t0 <= t1 <= t2)
    deadline = loop.time() + 0.02
    await asyncio.sleep(0.02)
    print("deadline passed:", loop.time() >= deadline - 0.001)

asyncio.run(main())
