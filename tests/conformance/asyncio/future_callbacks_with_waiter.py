# Done-callbacks of a future a task awaits, mixed with other callbacks: their order when the
# future completes, what _callbacks lists, and remove_done_callback of the task's wake-up
# (found through _callbacks, then added back), of a plain function added twice, and of one
# never added.
import asyncio

log = []


def cb(name):
    def done(fut):
        log.append((name, fut.result() if not fut.cancelled() else "cancelled"))
    done.__qualname__ = name
    return done


async def waiter(fut, name):
    try:
        r = await fut
        log.append((name, "woke", r))
    except asyncio.CancelledError:
        log.append((name, "cancelled"))


def names(fut):
    out = []
    for c in fut._callbacks or []:
        c = c[0] if isinstance(c, tuple) else c
        out.append(getattr(c, "__qualname__", type(c).__name__))
    return out


async def main():
    loop = asyncio.get_running_loop()

    # The task's wake-up first, then two callbacks: all run in that order.
    f = loop.create_future()
    t = asyncio.create_task(waiter(f, "t"))
    await asyncio.sleep(0)
    first, second = cb("first"), cb("second")
    f.add_done_callback(first)
    f.add_done_callback(second)
    print(len(f._callbacks), names(f)[1:])
    f.set_result(1)
    await t
    print(log)
    log.clear()

    # Callbacks before the task's wake-up; one removed, one added twice and removed.
    f = loop.create_future()
    a = cb("a")
    f.add_done_callback(a)
    f.add_done_callback(a)
    f.add_done_callback(cb("b"))
    t = asyncio.create_task(waiter(f, "t2"))
    await asyncio.sleep(0)
    print(len(f._callbacks), names(f)[:3])
    print(f.remove_done_callback(a), f.remove_done_callback(cb("never")), len(f._callbacks))
    f.set_result(2)
    await t
    print(log)
    log.clear()

    # The task's wake-up removed through _callbacks, then added back after another callback.
    f = loop.create_future()
    t = asyncio.create_task(waiter(f, "t3"))
    await asyncio.sleep(0)
    f.add_done_callback(cb("c"))
    wake = f._callbacks[0]
    wake = wake[0] if isinstance(wake, tuple) else wake
    print(f.remove_done_callback(wake), len(f._callbacks))
    f.add_done_callback(cb("c2"))
    f.add_done_callback(wake)
    print(len(f._callbacks), names(f)[:2])
    f.set_result(3)
    await t
    print(log)
    log.clear()

    # Only the wake-up, removed; a callback added to the emptied future, the wake-up back.
    f = loop.create_future()
    t = asyncio.create_task(waiter(f, "t4"))
    await asyncio.sleep(0)
    wake = f._callbacks[0]
    wake = wake[0] if isinstance(wake, tuple) else wake
    print(f.remove_done_callback(wake), f._callbacks)
    f.add_done_callback(cb("d"))
    f.add_done_callback(wake)
    f.cancel()
    await t
    print(log, t.done(), t.cancelled())


asyncio.run(main())
