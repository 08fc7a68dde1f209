# sleep(0) ping-pong: two tasks take turns through `await asyncio.sleep(0)`, each yielding to the
# other ROUNDS times. Measures one event-loop iteration (yield, reschedule, resume) per hop.
# The checksum folds in who ran, in order, so it also checks the interleaving.
import asyncio

ROUNDS = 200_000
state = 1


async def player(tag):
    global state
    for _ in range(ROUNDS):
        state = (state * 31 + tag) % 1_000_000_007
        await asyncio.sleep(0)


async def main():
    await asyncio.gather(player(1), player(2))
    print(state)


asyncio.run(main())
