# A generator or coroutine takes its function's __name__ and __qualname__ at creation,
# even when they were changed after the def; later renames do not reach it.
import asyncio


def gen():
    yield 1


class Box:
    async def work(self):
        return "done"


g = gen()
print(g.__name__, g.__qualname__)
print(repr(g).split(" at ")[0])

gen.__name__ = "renamed"
g2 = gen()
print(g2.__name__, g2.__qualname__)
gen.__qualname__ = "Outer.renamed"
g3 = gen()
print(g3.__name__, g3.__qualname__)
print(repr(g3).split(" at ")[0])
print(g.__name__, g2.__qualname__)

c = Box().work()
print(c.__name__, c.__qualname__)
Box.work.__qualname__ = "Crate.job"
c2 = Box().work()
print(c2.__name__, c2.__qualname__)
print(repr(c2).split(" at ")[0])
print(asyncio.run(c2))
c.close()
print(list(g3))


async def main():
    task = asyncio.create_task(Box().work())
    print(task.get_coro().__qualname__)
    print(await task)


asyncio.run(main())
