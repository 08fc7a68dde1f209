# Plain Python calls and returns run inside the run loop's fast loop, frame after frame; an
# exception must still unwind through those frames to the right handler, `__init__` must still
# be checked, and a class or closure in the chain must still take the general path.
import sys


def leaf(x):
    return 10 // x


def middle(x):
    return leaf(x) + 1


def top(x):
    return middle(x) * 2


print(top(5), top(-3))
try:
    top(0)
except ZeroDivisionError as e:
    print("caught", type(e).__name__, e)


def catcher(x):
    try:
        return middle(x)
    except ZeroDivisionError:
        return "handled in catcher"


print(catcher(0), catcher(2))


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx):
        return Point(self.x + dx, self.y)

    def norm1(self):
        return abs(self.x) + abs(self.y)


def walk(p, n):
    while n > 0:
        p = p.moved(1)
        n -= 1
    return p.norm1()


print(walk(Point(-3, 4), 10))


class Bad:
    def __init__(self, v):
        self.v = v
        return v


for v in (None, 0, "x"):
    try:
        print("made", Bad(v).v)
    except TypeError as e:
        print("TypeError", e)


def make_adder(k):
    def add(x):
        return x + k

    return add


add3 = make_adder(3)


def twice(f, x):
    return f(f(x))


print(twice(add3, 1), twice(leaf, 1), twice(abs, -4))


def gen(n):
    yield from range(n)


def total(n):
    return sum(gen(n))


print(total(5), [total(i) for i in range(4)])


def recurse(n):
    return n if n == 0 else recurse(n - 1)


sys.setrecursionlimit(200)
try:
    recurse(500)
except RecursionError as e:
    print("RecursionError", e)
print(recurse(150))
sys.setrecursionlimit(1000)


def fail_deep(n):
    if n == 0:
        return {}["missing"]
    return fail_deep(n - 1)


print(fail_deep(3))
