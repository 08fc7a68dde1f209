# gather given the same awaitable more than once, in every kind and position: coroutines,
# tasks and futures (found by identity), and an awaitable object with its own __eq__ and
# __hash__ (found through the dict); each is run once and its result repeated in place.
import asyncio

runs = []


async def work(name, delay):
    runs.append(name)
    await asyncio.sleep(delay)
    return name


class Awaitable:
    def __init__(self, key):
        self.key = key

    def __eq__(self, other):
        return isinstance(other, Awaitable) and other.key == self.key

    def __hash__(self):
        return hash(self.key)

    def __await__(self):
        runs.append(("awaitable", self.key))
        yield from asyncio.sleep(0.01).__await__()
        return ("awaited", self.key)


async def main():
    loop = asyncio.get_running_loop()
    a, b = work("a", 0.02), work("b", 0.01)
    t = asyncio.create_task(work("t", 0.01))
    f = loop.create_future()
    loop.call_later(0.01, f.set_result, "f")
    x1, x2 = Awaitable(1), Awaitable(1)
    res = await asyncio.gather(a, t, b, a, f, t, a, f, b, x1, x2)
    print(res)
    print(runs)
    runs.clear()

    coros = [work(i, 0.01 * (i % 3)) for i in range(6)]
    order = [coros[i] for i in (5, 0, 5, 3, 1, 0, 2, 4, 3, 5)]
    outer = asyncio.gather(*order)
    print(len(outer._children), len(set(map(id, outer._children))))
    print(await outer)
    print(runs)

    c = work("once", 0)
    g = asyncio.gather(c, c, return_exceptions=True)
    g2 = asyncio.gather(c)
    print(await g, await g2)


asyncio.run(main())
