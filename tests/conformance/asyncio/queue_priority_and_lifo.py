import asyncio

async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "normal"), (1, "also urgent"), (5, "later")]:
        await pq.put(item)
    print("priority order:", [pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue(maxsize=3)
    for x in "abc":
        lq.put_nowait(x)
    print("lifo full:", lq.full())
    print("lifo order:", [await lq.get() for _ in range(3)])
    nums = asyncio.PriorityQueue()
    for n in [5, 3, 8, 1, 9, 2]:
        nums.put_nowait(n)
    print([nums.get_nowait() for _ in range(6)])
    print(isinstance(pq, asyncio.Queue), isinstance(lq, asyncio.Queue))

asyncio.run(main())
