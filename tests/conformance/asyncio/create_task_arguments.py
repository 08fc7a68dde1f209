# asyncio.create_task: argument errors, name= (set through set_name, so non-strings
# become strings), coro= by keyword, a task factory, and no running loop.
import asyncio

async def c():
    return 1

async def main():
    coros = []
    def attempt(label, make):
        try:
            make()
        except TypeError as e:
            print(label, type(e).__name__, e)
    attempt("none", lambda: asyncio.create_task())
    attempt("two", lambda: asyncio.create_task(*coros.extend([c(), c()]) or coros[-2:]))
    attempt("typo", lambda: asyncio.create_task(coros.append(c()) or coros[-1], nme="x"))
    attempt("int", lambda: asyncio.create_task(5))
    attempt("twice", lambda: asyncio.create_task(coros.append(c()) or coros[-1], coro=5))
    for co in coros:
        co.close()
    t = asyncio.create_task(coro=c(), name="named")
    print(t.get_name(), await t)
    t = asyncio.create_task(c(), name=42)
    print(repr(t.get_name()), await t)
    t = asyncio.create_task(c(), name=None)
    print(t.get_name().startswith("Task-"), await t)
    loop = asyncio.get_running_loop()
    made = []
    def factory(loop, coro):
        made.append(coro.__name__)
        return asyncio.Task(coro, loop=loop, name="factory")
    loop.set_task_factory(factory)
    t = asyncio.create_task(c(), name="given")
    print(made, t.get_name(), await t)
    class Holder:
        pass
    def holder_factory(loop, coro):
        h = Holder()
        h.task = asyncio.Task(coro, loop=loop)
        return h
    loop.set_task_factory(holder_factory)
    h = asyncio.create_task(c(), name="skipped: no set_name")
    print(type(h).__name__, h.task.get_name().startswith("Task-"), await h.task)
    loop.set_task_factory(None)
    print(type(asyncio.create_task).__name__, asyncio.create_task.__name__)

asyncio.run(main())
co = c()
try:
    asyncio.create_task(co)
except RuntimeError as e:
    print("RuntimeError", e)
co.close()
