# A task awaiting a future is that future's done-callback (task_wakeup): it shows in
# repr and counts in _callbacks, keeps its place among other callbacks; cancellation
# messages reach the right places.
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    order = []

    fut = loop.create_future()
    async def waiter(f, label):
        r = await f
        order.append((label, r))
    t = asyncio.create_task(waiter(fut, "first"))
    await asyncio.sleep(0)
    print(repr(fut))
    fut.add_done_callback(lambda f: order.append(("cb after", f.result())))
    print(len(fut._callbacks))
    fut.set_result(1)
    await t
    print(order)

    order.clear()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: order.append(("cb before", f.result())))
    t = asyncio.create_task(waiter(fut, "second"))
    await asyncio.sleep(0)
    print(len(fut._callbacks))
    fut.set_result(2)
    await t
    print(order)

    fut = loop.create_future()
    t = asyncio.create_task(waiter(fut, "x"))
    await asyncio.sleep(0)
    t.cancel("with message")
    try:
        await t
    except asyncio.CancelledError as e:
        print("message", e.args, fut.cancelled())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result() raises", type(e).__name__, e.args)
    f2 = loop.create_future()
    f2.cancel("m2")
    try:
        f2.result()
    except asyncio.CancelledError as e:
        print("future", e.args)
    f3 = loop.create_future()
    f3.cancel()
    try:
        f3.exception()
    except asyncio.CancelledError as e:
        print("no message", e.args)

    # A done future yielded as blocking: the task's wake-up is scheduled at once.
    class YieldsDone:
        def __init__(self, fut):
            self.fut = fut
        def __await__(self):
            self.fut._asyncio_future_blocking = True
            yield self.fut
            return self.fut.result()
    done = loop.create_future()
    done.set_result("already")
    print(await YieldsDone(done))

asyncio.run(main())
