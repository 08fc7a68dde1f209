# One call site meeting receivers of many builtin types, and builtins called with zero to six
# arguments, with and without a receiver: the run loop remembers a builtin type's method per
# site and calls builtins without copying their arguments, and neither may change what a call
# does or which error it raises.
import math


def size_of(v):
    return v.__len__()


def show(v):
    # One `v.count` site: list, tuple, str, bytes, then the same again, then types without it.
    try:
        return v.count(1) if not isinstance(v, (str, bytes)) else v.count(v[:1])
    except AttributeError as e:
        return f"AttributeError: {e}"


values = [[1, 1, 2], (1, 2, 1), "aab", b"aab", [1], 7, 2.5, True, {1: 1}, {1, 2}, 3j]
for _ in range(2):
    print([show(v) for v in values])
print([size_of(v) for v in ([1, 2], "abc", (1,), {1: 2, 3: 4}, {5}, frozenset(), b"xy")])


class MyList(list):
    def count(self, x):
        return "overridden"


def counts(seq):
    return seq.count(1)


print(counts([1, 1]), counts(MyList([1, 1])), counts((1,)), counts(MyList()))


def bit_lengths(xs):
    return [x.bit_length() for x in xs]


print(bit_lengths([1, 255, 2**70, True, False, -8]))
print([x.is_integer() for x in (1.0, 2.5, float("inf"))])
print([x.conjugate() for x in (1, 2.5, 3 + 4j, True)])
print([d.get("k", "missing") for d in ({"k": 1}, {}, {"k": None})])
print([s.union({9}) for s in ({1}, frozenset({2}))])

# Zero to six positional arguments, with and without a receiver.
print(math.pi.__round__(), max(3, 9), max(1, 5, 2), max(4, 8, 6, 7), max(1, 2, 3, 4, 5))
print(max(1, 2, 3, 4, 5, 6), min(6, 5, 4, 3, 2, 1), round(2.675, 2))
print("a-b-c".replace("-", "+", 1), "abc".center(9, "*"), "x".join(["1", "2", "3"]))
print("0123456789".find("5", 2, 8), [1, 2, 3].index(3, 0, 3), divmod(17, 5), pow(3, 4, 5))
print(math.sqrt(16), math.hypot(3, 4), math.fsum([0.1] * 10), math.isclose(1, 1.0000001))
m = math
print(m.floor(2.5), m.ceil(2.5), m.copysign(3, -0.0), m.gcd(12, 18))

# Errors raised by builtins through the same sites.
for call in (
    lambda: math.sqrt(-1),
    lambda: math.sqrt("x"),
    lambda: math.sqrt(),
    lambda: math.sqrt(1, 2),
    lambda: [].pop(),
    lambda: "abc".index("z"),
    lambda: {}.pop("k"),
    lambda: len(1),
    lambda: len(),
    lambda: max(),
    lambda: "x".join([1]),
    lambda: [].append(1, 2),
    lambda: divmod(1, 0),
    lambda: int("z", 10, 3),
    lambda: print(*range(3), sep=1),
):
    try:
        print("ok", call())
    except Exception as e:
        print(type(e).__name__, e)

# A module's function replaced between calls through one site.
def root(x):
    return math.sqrt(x)


print(root(9.0))
saved = math.sqrt
math.sqrt = lambda x: "patched"
print(root(9.0))
math.sqrt = saved
print(root(9.0))
del math.sqrt
try:
    root(9.0)
except AttributeError as e:
    print("AttributeError", e)
math.sqrt = saved
print(root(4.0))

# A builtin kept alive only by the call that runs it.
def fresh():
    return [].append


f = fresh()
print(f(1), fresh()(2))
xs = []
for i in range(5):
    xs.append(i)
    xs.extend((i, i))
print(xs, len(xs), sum(xs))

# Builtin types' dunders called directly: a container compares only with its own kind.
b = b"xyz"
print(b.__len__(), b.__contains__(120), b.__getitem__(1), b.__add__(b"!"), b.__mul__(2))
print(list(b.__iter__()), b.__eq__(b"xyz"), b.__lt__(b"y"), b.__ne__("xyz"), b.__eq__(1))
print([].__eq__(1), (1,).__ne__("a"), {}.__eq__(2), [1].__lt__(3), [1].__eq__(MyList([1])))
print({1}.__eq__(frozenset({1})), frozenset({1}).__le__({1, 2}), range(3).__eq__(range(0, 3)))
print(range(1).__ne__([0]), (1, 2).__lt__((1, 3)), [1, 2].__ge__([1]))

# A boxed value is its builtin kind only when it is an instance of it: a bytearray is not bytes.
class MyBytes(bytes):
    pass


class MySet(set):
    pass


print(b"abc".__eq__(bytearray(b"abc")), b"ab".__ne__(bytearray(b"ab")), b"ab".__eq__(MyBytes(b"ab")))
print(frozenset({1}).__eq__(MySet({1})), {1}.__le__(MySet({1, 2})), {1}.__eq__(MyList([1])))
print(b"abc" == bytearray(b"abc"), b"ab" < bytearray(b"b"))

# Index errors name the type, except bytes's ("index out of range").
for f in (lambda: b"a"[5], lambda: b"a"[-2], lambda: [1][3], lambda: "x"[2], lambda: (1,)[1]):
    try:
        f()
    except IndexError as e:
        print("IndexError", e)
