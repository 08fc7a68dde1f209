# A task sleeping in asyncio.sleep(delay), looked at and interfered with in every state of
# its timer: pending (repr, _fut_waiter, cancel with a message), popped from the heap but not
# run yet (cancelled by a callback of the same deadline), run but the task not yet woken
# (cancelled by a task woken first), and the coroutine driven by hand or through a generator's yield from.
import asyncio


async def sleeper(name, delay, log):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError as e:
        log.append((name, "cancelled", e.args))
        raise
    log.append((name, "woke"))
    return name


def waiter_state(task):
    w = task._fut_waiter
    if w is None:
        return None
    return (type(w).__name__, w.done(), w.cancelled(), w._asyncio_future_blocking,
            bool(w._callbacks))


async def main():
    loop = asyncio.get_running_loop()
    log = []

    # Pending: the awaited future appears when asked for, and is the same each time.
    t = asyncio.create_task(sleeper("a", 0.05, log), name="A")
    await asyncio.sleep(0)
    print(repr(t).split(" coro=")[0], "wait_for=" in repr(t))
    print(repr(t).split(" wait_for=")[1])
    print(waiter_state(t), t._fut_waiter is t._fut_waiter)
    print(await t, t._fut_waiter, log)

    # Cancelled while pending, with a message; the timer is then dead.
    t = asyncio.create_task(sleeper("b", 10, log))
    await asyncio.sleep(0)
    print(t.cancel("stop it"), t.cancel("again"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("b:", e.args, t.cancelled())
    print(log[-1])

    # Cancelled before its first step (never reaches the sleep).
    t = asyncio.create_task(sleeper("c", 10, log))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("c cancelled before start", t._fut_waiter)

    # Timer popped, not yet run: a callback due at the same deadline, scheduled first,
    # cancels the task.
    victim = None

    def cancel_victim():
        print("callback sees", waiter_state(victim))
        print("cancel ->", victim.cancel())

    loop.call_later(0.02, cancel_victim)
    victim = asyncio.create_task(sleeper("d", 0.02, log))
    try:
        await victim
    except asyncio.CancelledError:
        print("d:", log[-1], victim.cancelled())

    # Timer run, task not woken yet: the first task woken cancels the second, whose future is
    # already done, so the cancel is remembered and thrown in at its wake-up.
    second = None

    async def first():
        await asyncio.sleep(0.03)
        print("first sees", waiter_state(second))
        print("cancel ->", second.cancel(), second.cancelling())

    one = asyncio.create_task(first())
    second = asyncio.create_task(sleeper("e", 0.03, log))
    await one
    try:
        await second
    except asyncio.CancelledError:
        print("e:", log[-1], second.cancelled())

    # Driven by hand inside a task: send() hands out the future itself.
    c = asyncio.sleep(0.01)
    fut = c.send(None)
    print(type(fut).__name__, fut.done(), fut._asyncio_future_blocking)
    await asyncio.sleep(0.02)
    print(fut.done(), fut.result())
    try:
        c.send(None)
    except StopIteration as e:
        print("stop", e.value)

    # Through an awaitable whose __await__ is a generator delegating with yield from.
    class Legacy:
        def __init__(self, d):
            self.d = d

        def __await__(self):
            r = yield from asyncio.sleep(self.d).__await__()
            return ("legacy", r)

    print(await Legacy(0.01))
    g = Legacy(0.01).__await__()
    f = g.send(None)
    print(type(f).__name__, f.done())
    g.close()

    # Many sleepers with a mix of fates.
    tasks = [asyncio.create_task(sleeper(i, 0.01 * (i % 4 + 1), log)) for i in range(8)]
    await asyncio.sleep(0)
    tasks[1].cancel()
    print(waiter_state(tasks[2]))
    res = await asyncio.gather(*tasks, return_exceptions=True)
    print([type(r).__name__ if isinstance(r, BaseException) else r for r in res])

    # wait_for timing out a sleep, and a timeout() block.
    try:
        await asyncio.wait_for(asyncio.sleep(5), 0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out")
    try:
        async with asyncio.timeout(0.01):
            await asyncio.sleep(5)
    except TimeoutError:
        print("timeout() timed out")
    print(len(asyncio.all_tasks()))


asyncio.run(main())
