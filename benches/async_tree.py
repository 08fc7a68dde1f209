# Nested gather fan-out: every node of a tree (branching 6, depth 6: 55,987 coroutines) gathers
# its children and adds up their results. Measures gather wrapping coroutines in tasks, nested
# awaiting and result propagation up the tree.
import asyncio

BRANCH = 6
DEPTH = 6


async def node(depth, label):
    if depth == 0:
        return label % 97
    results = await asyncio.gather(
        *(node(depth - 1, label * BRANCH + k) for k in range(BRANCH))
    )
    return sum(results) + 1


async def main():
    print(await node(DEPTH, 1))


asyncio.run(main())
