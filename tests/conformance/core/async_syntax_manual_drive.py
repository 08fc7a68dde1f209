class Ticket:
    def __await__(self):
        print("  Ticket.__await__ yields")
        reply = yield "need-ticket"
        print("  Ticket got", reply)
        return f"ticket#{reply}"
class Door:
    async def __aenter__(self):
        print("  door open")
        return self
    async def __aexit__(self, *exc):
        print("  door closed")
class Steps:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n == 0:
            raise StopAsyncIteration
        self.n -= 1
        return self.n
async def helper(x):
    return x * 2
async def main():
    t = await Ticket()
    doubled = await helper(21)
    async with Door() as d:
        print("  inside", type(d).__name__)
    items = [i async for i in Steps(3)]
    async for i in Steps(2):
        print("  step", i)
    return t, doubled, items
coro = main()
print(type(coro).__name__, main.__name__)
first = coro.send(None)
print("coroutine yielded:", first)
try:
    coro.send(7)
except StopIteration as e:
    print("coroutine returned:", e.value)
c2 = helper(5)
try:
    c2.send(None)
except StopIteration as e:
    print("helper returned", e.value)
c3 = helper(1)
c3.close()
print("closed an unstarted coroutine without warning")
