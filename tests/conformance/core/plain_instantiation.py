# `Class(args)` for a plain class whose `__init__` is a Python function takes a lean path in
# the run loop; everything that makes instantiation different must still be seen.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return f"P({self.x}, {self.y})"


class Q(P):
    pass


class R(P):
    def __init__(self, x):
        super().__init__(x, -x)


print(P(1, 2), Q(3, 4), R(5))
print(type(Q(1, 2)).__name__, isinstance(R(1), P))
for args in [(1,), (1, 2, 3)]:
    try:
        P(*args)
    except TypeError as e:
        print("TypeError:", e)
try:
    P(1)
except TypeError as e:
    print("TypeError:", e)
try:
    R()
except TypeError as e:
    print("TypeError:", e)


class ReturnsValue:
    def __init__(self):
        return 42


try:
    ReturnsValue()
except TypeError as e:
    print("TypeError:", e)


class WithNew:
    def __new__(cls, v):
        print("__new__", cls.__name__, v)
        return super().__new__(cls)

    def __init__(self, v):
        print("__init__", v)
        self.v = v


w = WithNew(7)
print(w.v)


class NewReturnsOther:
    def __new__(cls, v):
        return v * 2

    def __init__(self, v):
        print("never runs")


print(NewReturnsOther(21))


class Changing:
    def __init__(self, v):
        self.v = v


def make(v):
    return Changing(v)


print(make(1).v)


def new_init(self, v):
    self.v = ("replaced", v)


Changing.__init__ = new_init
print(make(2).v)
del Changing.__init__
try:
    make(3)
except TypeError as e:
    print("TypeError:", e)
print(Changing().__class__.__name__)


class MyError(Exception):
    def __init__(self, code):
        super().__init__("code", code)
        self.code = code


e = MyError(5)
print(e.args, e.code, repr(e))


class Counter:
    made = 0

    def __init__(self):
        Counter.made += 1


for _ in range(5):
    Counter()
print(Counter.made)


class Gen:
    def __init__(self):
        yield 1


try:
    Gen()
except TypeError as e:
    print("TypeError:", e)
