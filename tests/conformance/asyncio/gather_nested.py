import asyncio

async def leaf(name, delay):
    await asyncio.sleep(delay)
    print("leaf", name)
    return name

async def branch(prefix):
    return await asyncio.gather(leaf(prefix + "1", 0.06), leaf(prefix + "2", 0.02))

async def main():
    tree = await asyncio.gather(branch("a"), branch("b"), leaf("c", 0.04))
    print(tree)

asyncio.run(main())
