import asyncio

async def validate(record):
    await asyncio.sleep(0.01)
    if "id" not in record:
        raise ValueError(f"record without id: {record}")
    return record["id"]

async def main():
    print(await asyncio.wait_for(validate({"id": 7}), timeout=1))
    print(await asyncio.wait_for(validate({"name": "x"}), timeout=1))

asyncio.run(main())
