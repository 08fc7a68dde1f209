import asyncio

class Account:
    def __init__(self, name, balance):
        self.name = name
        self.balance = balance
        self.lock = asyncio.Lock()

async def transfer(src, dst, amount, tag):
    first, second = sorted([src, dst], key=lambda a: a.name)
    async with first.lock:
        await asyncio.sleep(0.001)
        async with second.lock:
            if src.balance < amount:
                print(f"{tag}: insufficient funds in {src.name}")
                return False
            src.balance -= amount
            await asyncio.sleep(0)
            dst.balance += amount
            print(f"{tag}: moved {amount} {src.name}->{dst.name}")
            return True

async def main():
    a, b, c = Account("a", 100), Account("b", 50), Account("c", 0)
    results = await asyncio.gather(
        transfer(a, b, 30, "t1"),
        transfer(b, c, 70, "t2"),
        transfer(c, a, 10, "t3"),
        transfer(a, c, 80, "t4"),
    )
    print(results, a.balance, b.balance, c.balance, a.balance + b.balance + c.balance)

asyncio.run(main())
