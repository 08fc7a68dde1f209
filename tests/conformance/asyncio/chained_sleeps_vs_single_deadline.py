import asyncio

# A single sleep(328/4096) and a chain of eight sleep(41/4096) calls have the same
# nominal deadline (both exact in binary floating point).  On CPython's real clock every
# step of the chain starts a little late, so the chain's last step fires after the single
# timer (the same effect decides the output of the seed snippet with fetch_data /
# print_numbers).  A virtual clock must reproduce that, e.g. by advancing a tiny amount
# per loop iteration.
ticks = []

async def ticker():
    for i in range(8):
        await asyncio.sleep(41 / 4096)
        ticks.append(i)

async def single():
    await asyncio.sleep(328 / 4096)
    return "single timer fired"

async def main():
    t = asyncio.create_task(ticker())
    s = asyncio.create_task(single())
    print(await s)
    print("ticks completed when main resumed:", len(ticks))
    await t
    print("ticks at the end:", len(ticks))

asyncio.run(main())
