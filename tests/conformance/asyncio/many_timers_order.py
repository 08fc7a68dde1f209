# Thousands of timers at once, more than the timer queue keeps unsorted: call_later handles
# and sleeping tasks on 7 deadlines 100 ms apart, then a second wave of handles 50 ms apart,
# most handles and some tasks cancelled (so the loop compacts its timers); ties fire in
# creation order. (The gaps leave CPython's real clock time to create everything.)
import asyncio

HANDLES = 3000
SLEEPERS = 1500
fired = []


def tick_of(i):
    return (i * 7919) % 7 + 1


def on_handle(i):
    fired.append(("h", i))


async def sleeper(i):
    try:
        await asyncio.sleep(0.1 * tick_of(i * 3))
        fired.append(("s", i))
    except asyncio.CancelledError:
        fired.append(("c", i))
        raise


def digest(entries):
    h = 0
    for kind, i in entries:
        h = (h * 1000003 + ord(kind) * 100003 + i) % (2**61 - 1)
    return h


async def main():
    loop = asyncio.get_running_loop()
    handles = [
        loop.call_later(0.1 * tick_of(i), on_handle, i) for i in range(HANDLES)
    ]
    for i, h in enumerate(handles):
        if i % 5 in (0, 1, 3):
            h.cancel()
    tasks = [asyncio.create_task(sleeper(i)) for i in range(SLEEPERS)]
    await asyncio.sleep(0)
    for t in tasks[::4]:
        t.cancel()
    results = await asyncio.gather(*tasks, return_exceptions=True)
    wave = [loop.call_later(0.05 * tick_of(i * 5), fired.append, ("w", i)) for i in range(2000)]
    for h in wave[::3] + wave[1::3]:
        h.cancel()
    await asyncio.sleep(0.5)
    kinds = {}
    for kind, _ in fired:
        kinds[kind] = kinds.get(kind, 0) + 1
    print(len(fired), sorted(kinds.items()))
    print(sum(isinstance(r, asyncio.CancelledError) for r in results))
    print(digest(fired))
    print(fired[:12])
    print(fired[-12:])
    print([fired.index(e) for e in [("h", 2), ("s", 1), ("w", 2), ("w", 1997)]])


asyncio.run(main())
