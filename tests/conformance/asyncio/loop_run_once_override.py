# run_forever calls _run_once each iteration and stops when _stopping is set; an override of
# _run_once on a subclass, or on the instance, is called instead of the loop's own.
import asyncio

calls = []


class CountingLoop(asyncio.SelectorEventLoop):
    def _run_once(self):
        calls.append(1)
        super()._run_once()


async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name


async def main():
    results = await asyncio.gather(worker("a", 2), worker("b", 3))
    print("results", results)


loop = CountingLoop()
print(loop.run_until_complete(main()))
print("iterations", len(calls))

# stop() from a callback ends run_forever after the current iteration.
order = []
loop.call_soon(order.append, 1)
loop.call_soon(loop.stop)
loop.call_soon(order.append, 2)
loop.run_forever()
print("after stop", order)

# An override on the instance wins too.
seen = []
original = loop._run_once


def patched():
    seen.append(1)
    original()


loop._run_once = patched
loop.call_soon(loop.stop)
loop.run_forever()
print("instance override", len(seen))
loop.close()


# A plain loop, with the stopping flag read through a property on a subclass.
class FlagLoop(asyncio.SelectorEventLoop):
    ticks = 0

    @property
    def _stopping(self):
        FlagLoop.ticks += 1
        return FlagLoop.ticks >= 3

    @_stopping.setter
    def _stopping(self, value):
        pass


def busy():
    flag_loop.call_soon(busy)


flag_loop = FlagLoop()
flag_loop.call_soon(busy)
flag_loop.run_forever()
print("property ticks", FlagLoop.ticks)
flag_loop.close()
