import asyncio

class BoundedBuffer:
    def __init__(self, size):
        self.items = []
        self.size = size
        self.cond = asyncio.Condition()

    async def put(self, item):
        async with self.cond:
            await self.cond.wait_for(lambda: len(self.items) < self.size)
            self.items.append(item)
            print(f"put {item} -> {self.items}")
            self.cond.notify_all()

    async def get(self):
        async with self.cond:
            await self.cond.wait_for(lambda: self.items)
            item = self.items.pop(0)
            print(f"get {item} <- {self.items}")
            self.cond.notify_all()
            return item

async def producer(buf):
    for i in range(5):
        await buf.put(i)

async def consumer(buf, out):
    for _ in range(5):
        out.append(await buf.get())
        await asyncio.sleep(0.01)

async def main():
    buf = BoundedBuffer(2)
    out = []
    await asyncio.gather(producer(buf), consumer(buf, out))
    print(out)

asyncio.run(main())
