import asyncio

async def stage_read(out_q):
    for line in ["alpha", "beta", "gamma", "delta"]:
        await asyncio.sleep(0.03)
        print("read", line)
        await out_q.put(line)
    await out_q.put(None)

async def stage_transform(in_q, out_q):
    while (item := await in_q.get()) is not None:
        await asyncio.sleep(0.01)
        print("transform", item)
        await out_q.put(item.upper()[::-1])
    await out_q.put(None)

async def stage_write(in_q, results):
    while (item := await in_q.get()) is not None:
        print("write", item)
        results.append(item)

async def main():
    q1, q2 = asyncio.Queue(maxsize=1), asyncio.Queue(maxsize=1)
    results = []
    await asyncio.gather(stage_read(q1), stage_transform(q1, q2), stage_write(q2, results))
    print(results)

asyncio.run(main())
