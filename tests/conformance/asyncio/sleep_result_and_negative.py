import asyncio

async def main():
    value = await asyncio.sleep(0.01, result="payload")
    print("sleep returned", value)
    print("sleep without result returns", await asyncio.sleep(0))
    order = []
    async def neg():
        await asyncio.sleep(-1)
        order.append("negative sleep")
    async def zero():
        await asyncio.sleep(0)
        order.append("zero sleep")
    await asyncio.gather(neg(), zero())
    print(order)
    print(await asyncio.sleep(0.01, result=[1, 2]))

asyncio.run(main())
