import asyncio

# The ticker's second sleep and the single sleep have the same nominal deadline (0.1 s),
# but on a real clock the ticker's second timer is set after some computation, so it fires
# a little later, in a later loop iteration than the single timer.  The same effect
# decides the output of the seed snippet with fetch_data / print_numbers.  A virtual
# clock must reproduce it (e.g. by advancing a tiny amount per loop iteration), otherwise
# the two timers tie and the ticker runs before main resumes.
ticks = []

async def ticker():
    await asyncio.sleep(0.05)
    ticks.append("first")
    total = sum(range(10 ** 6))
    await asyncio.sleep(0.05)
    ticks.append(f"second (sum={total})")

async def single():
    await asyncio.sleep(0.1)
    return "single timer fired"

async def main():
    t = asyncio.create_task(ticker())
    s = asyncio.create_task(single())
    print(await s)
    print("ticks completed when main resumed:", ticks)
    await t
    print("ticks at the end:", ticks)

asyncio.run(main())
