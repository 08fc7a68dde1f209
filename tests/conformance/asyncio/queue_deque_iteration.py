# The deque behind asyncio.Queue (CPython's collections.deque) iterates lazily and reports a
# change made during iteration, even one made after the last item was produced.
import asyncio


async def main():
    q = asyncio.Queue()
    d = q._queue
    for i in range(5):
        q.put_nowait(i)
    it = iter(d)
    print(type(it).__name__, next(it), next(it))
    q.put_nowait(9)
    for attempt in ("first", "again"):
        try:
            next(it)
        except RuntimeError as e:
            print(attempt, "RuntimeError:", e)
    print(list(d), list(iter(d)))
    it = iter(d)
    print(list(it), q.get_nowait())
    try:
        next(it)
    except RuntimeError as e:
        print("after the end, RuntimeError:", e)
    it = iter(d)
    q.put_nowait(q.get_nowait())
    try:
        next(it)
    except RuntimeError as e:
        print("rotated, RuntimeError:", e)
    it = iter(d)
    print([next(it) for _ in range(len(d))])
    try:
        next(it)
    except StopIteration:
        print("StopIteration at the end")
    print(next(iter(d)), 9 in d, 42 in d)


asyncio.run(main())
