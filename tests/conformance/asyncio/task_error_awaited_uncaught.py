import asyncio

async def parse(text):
    await asyncio.sleep(0.01)
    return int(text)

async def main():
    good = asyncio.create_task(parse("12"))
    bad = asyncio.create_task(parse("twelve"))
    print("good:", await good)
    print("bad:", await bad)

asyncio.run(main())
