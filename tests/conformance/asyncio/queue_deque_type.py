# The deque asyncio's queues keep their items in, built from an iterable.
import asyncio

D = type(asyncio.Queue()._queue)
print(D, len(D([1, 2])), len(D()), list(D("abc")), D(range(3)))
