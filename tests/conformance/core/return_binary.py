# `return a <op> b` runs as one fused instruction when the operands are ints, floats or strs;
# anything else (lists, user __add__, errors, generators, __init__) takes the general path.
import asyncio


def add(a, b):
    return a + b


def sub_const(n):
    return n - 1


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __repr__(self):
        return f"Money({self.cents})"


class Bad:
    def __init__(self, a, b):
        return a * b


def gen(a, b):
    yield a
    return a + b


async def coro(a, b):
    await asyncio.sleep(0)
    return a + b


print(add(2, 3), add(2.5, 1), add("ab", "cd"), add([1], [2]), add((1,), (2, 3)))
print(add(Money(5), Money(7)), sub_const(10), sub_const(0.5))
print(add(2**62, 2**62), add(-(2**63), -1))
total = 0
for i in range(1000):
    total = add(total, i)
print(total)
g = gen(4, 5)
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("stop", e.value)
print(asyncio.run(coro(6, 7)))
try:
    Bad(2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, "x")
except TypeError as e:
    print("TypeError:", e)


# The operands are not two locals: the returned operation itself is the fused instruction.
class Point:
    def __init__(self, x):
        self.x = x

    def shifted(self):
        return self.x + 1

    def scaled(self, f):
        return f(self.x) * 2


class BadInit:
    def __init__(self, o):
        self.v = o
        return o.x + 1


def twice(v):
    return v * 2


p = Point(20)
print(p.shifted(), p.scaled(twice), Point(1.5).shifted(), Point("a").scaled(twice))
print(Point(2**63 - 1).shifted(), Point(10**30).shifted())
try:
    BadInit(p)
except TypeError as e:
    print("TypeError:", e)
try:
    Point("a").shifted()
except TypeError as e:
    print("TypeError:", e)
print(add(1, None))
