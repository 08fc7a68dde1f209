import asyncio

class Connection:
    def __init__(self, name, fail_exit=False):
        self.name = name

    async def __aenter__(self):
        print(f"{self.name}: connecting")
        await asyncio.sleep(0.01)
        print(f"{self.name}: connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print(f"{self.name}: closing (exc={exc_type.__name__ if exc_type else None})")
        await asyncio.sleep(0)
        return exc_type is KeyError

    async def query(self, q):
        await asyncio.sleep(0)
        return f"{self.name} result for {q!r}"

async def main():
    async with Connection("db") as conn:
        print(await conn.query("SELECT 1"))
    async with Connection("a") as a, Connection("b") as b:
        print("using", a.name, b.name)
    async with Connection("suppressing"):
        raise KeyError("swallowed by __aexit__")
    print("KeyError was suppressed")
    try:
        async with Connection("failing"):
            raise ValueError("propagates")
    except ValueError as e:
        print("caught", repr(e))

asyncio.run(main())
