import asyncio

async def foo(text):
    print(text)
    await asyncio.sleep(0.1)
    print(text, "after its sleep")

async def main():
    print("shav")
    task = asyncio.create_task(foo("text"))
    await asyncio.sleep(0.05)
    print("finished")
    await task

asyncio.run(main())
