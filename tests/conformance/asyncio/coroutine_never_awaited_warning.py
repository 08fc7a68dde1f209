import asyncio

async def save(data):
    print("saving", data)

async def main():
    save("draft")
    print("main forgot to await save()")
    await save("final")

asyncio.run(main())
print("program finished")
