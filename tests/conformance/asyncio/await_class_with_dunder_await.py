import asyncio

class Countdown:
    def __init__(self, n):
        self.n = n

    def __await__(self):
        for i in range(self.n, 0, -1):
            print("countdown", i)
            yield from asyncio.sleep(0).__await__()
        return "liftoff"

class Delayed:
    def __init__(self, value, delay):
        self.value, self.delay = value, delay

    def __await__(self):
        yield from asyncio.sleep(self.delay).__await__()
        return self.value

class BareYield:
    def __await__(self):
        print("bare yield inside a task = give up one loop iteration")
        yield
        return "resumed"

async def other():
    for i in range(2):
        print("other task step", i)
        await asyncio.sleep(0)

async def main():
    t = asyncio.create_task(other())
    print(await Countdown(3))
    print(await Delayed("late value", 0.01))
    print(await BareYield())
    print(await asyncio.gather(Delayed("a", 0.02), Delayed("b", 0.01)))
    await t

asyncio.run(main())
