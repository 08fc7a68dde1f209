# `return x` of a local (fused into one instruction by the compiler): from plain functions,
# methods, generators, coroutines, `__init__`, try/finally blocks, deep recursion, and of a
# local that is unbound.
import asyncio


def ident(x):
    return x


def pick(a, b, first):
    if first:
        return a
    return b


def gen(n):
    total = 0
    for i in range(n):
        total += i
        yield i
    return total


def with_finally(x):
    try:
        y = x * 2
        return y
    finally:
        print("finally", x)


def from_except(x):
    try:
        raise ValueError(x)
    except ValueError as e:
        msg = str(e)
        return msg


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        v = self.v
        return v


class Bad:
    def __init__(self):
        r = 5
        return r


def depth(n):
    if n == 0:
        result = "bottom"
        return result
    deeper = depth(n - 1)
    return deeper


def unbound(flag):
    if flag:
        value = 1
    return value


async def co(x):
    await asyncio.sleep(0)
    y = x + 1
    return y


print(ident(1), ident("s"), ident(None), ident([1, 2]), pick(1, 2, True), pick(1, 2, False))
g = gen(4)
print(list(g))
g = gen(3)
try:
    while True:
        next(g)
except StopIteration as stop:
    print("stop", stop.value)
print(with_finally(21))
print(from_except("oops"))
print(Box(7).get(), [Box(i).get() for i in range(3)])
print(depth(500))
print(asyncio.run(co(41)))
print(unbound(True))
try:
    Bad()
except TypeError as e:
    print("TypeError", e)
try:
    unbound(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)
unbound(False)
