# Many timers: 50,000 tasks each sleep a distinct short delay (i microseconds, all under 0.05 s),
# so the event loop keeps a large timer heap. Measures scheduling, the heap and waking timers.
# The checksum does not depend on timing: it is a sum, plus whether wake-ups came in deadline order
# (they must: task i's deadline is strictly later than task i-1's on any monotonic clock).
import asyncio

N = 50_000
woken = []


async def sleeper(i):
    await asyncio.sleep(i * 1e-6)
    woken.append(i)
    return i % 101


async def main():
    results = await asyncio.gather(*(sleeper(i) for i in range(N)))
    in_order = all(woken[k] < woken[k + 1] for k in range(len(woken) - 1))
    print(len(woken), sum(results), in_order)


asyncio.run(main())
