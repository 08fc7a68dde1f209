# Edge cases of the fast paths for str slicing/joining/splitting/counting, f-string fields,
# dict updates and look-ups with many int keys, and sorting by tuple keys.

# Slicing with steps, ASCII and not.
s = "abcdefghij"
print(s[::-1], s[::3], s[1::2], s[8:2:-2], s[-1:-11:-3], s[::97], repr(s[5:5:-1]))
u = "aé€😀bc"
print(u[::-1], u[::2], u[1::2], u[-2::-2], len(u[::-1]))
print(s[:] is s, s[0:len(s)] is s, s[0] is s[0], u[1] is u[1] or True)
print([c for c in "héllo"], list("abc"), "".join(reversed("abc")))

# join: one item, empty, non-str items, lists and tuples and generators.
x = "x" * 3
print("".join([x]) is x, "-".join((x,)) is x, repr("-".join([])), "-".join(["a", "b", "c"]))
print("é".join(["a", "b"]), len("é".join(["ab", "cd", "€"])), ",".join(c for c in "xyz"))
for bad in (["a", 1], ("a", None), [b"a"]):
    try:
        "-".join(bad)
    except TypeError as e:
        print("TypeError:", e)


class S(str):
    pass


print(type("".join([S("q")])).__name__, "+".join([S("a"), "b", S("c")]))

# split on whitespace (ASCII control separators included), one-char and longer separators.
t = " a\tb\nc\x0bd\x0ce\rf\x1cg\x1dh\x1ei\x1fj  "
print(t.split(), t.split(None, 2), t.split(maxsplit=0), t.split(maxsplit=-1))
print("  x  y  ".split(None, 1), "".split(), "   ".split(), "   ".split(maxsplit=0))
print("a\u3000b\xa0c".split(), "é é".split())
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), ",".split(","), "".split(","))
print("aXYbXYc".split("XY"), "é,è".split(","), "a€b€".split("€"))
print("a b c".split(sep=None, maxsplit=1), "a,b".split(sep=","))
print("a,b,c".rsplit(",", 1), " a b c ".rsplit(None, 1), "é b".rsplit())
try:
    "a".split("")
except ValueError as e:
    print("ValueError:", e)

# count of one character, and of longer strings, with windows.
v = "banana é ana"
print(v.count("a"), v.count("a", 3), v.count("a", 2, -3), v.count("é"), v.count("an"), v.count(""))
print("aaaa".count("aa"), "€a€".count("€"), "€a€".count("a"))

# replace: ASCII and not.
print("abcA".replace("A", "4"), "éA".replace("A", "4"), "abc".replace("b", "é"), "aaa".replace("a", "b", 2))

# f-string fields: ints, bools, strs, subclasses, conversions.


class I(int):
    def __str__(self):
        return "I!"

    def __format__(self, spec):
        return "fmt" + spec


print(f"{3}|{-45}|{True}|{'s'}|{S('sub')}|{I(5)}|{I(5)!s}|{I(5):x}|{2**70}|{1.5}|{'q'!r}|{7!s}")
y = "abc" * 2
print(f"{y}" is y, f"{y!s}" == y)

# dict: int keys that are multiples of large powers of two, updates, copies.
d = {k << 40: k for k in range(2000)}
print(len(d), d[1999 << 40], (5 << 40) in d, (5 << 41) in d)
e = {}
e.update(d)
print(e == d, list(e)[:3] == list(d)[:3], len(e))
h = {i: i for i in range(50)}
for i in range(40):
    del h[i]
g = {}
g.update(h)
print(list(g), g == h)
g.update(g)
print(list(g))
g.update({45: "x", 100: "y"})
print(g)
print(dict(h), dict({"a": 1}, b=2))
it = iter(g)
next(it)
try:
    g.update({1000: 1})
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
empty = {}
it = iter(empty)
empty.update({1: 2})
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)


class K:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("eq", self.v)
        return self.v == (other.v if isinstance(other, K) else other)


m = {K(1): "k1", 2: "two"}
n = {1: "one"}
n.update(m)
print(sorted(str(v) for v in n.values()), len(n))
p = {}
p.update(m)
print(len(p), p[2], 1 in p)
print(1.0 in {1: 2}, True in {1: 2}, {1: "a", 1.0: "b", True: "c"})

# sorted with tuple keys: ties, mixed types, NaN, nested tuples.
items = {"b": 2, "a": 2, "c": 5, "d": 1}
print(sorted(items.items(), key=lambda kv: (-kv[1], kv[0])))
print(sorted([(1, (2, "b")), (1, (2, "a")), (0, (9, "z"))]))
print(sorted([(1, 2), (1,), (1, 2, 3), ()]))
nan = float("nan")
print(sorted([(nan, 1), (1.0, 2), (nan, 0)])[1:])
try:
    sorted([(1, "a"), (1, 2)])
except TypeError as e:
    print("TypeError:", e)
print(sorted([(True, 1), (0, 2), (1, 0)]))

# str() and f-string fields of ints at the i64 edges; concatenation lengths.
for i in (0, 7, -7, 10, -10, 99, 100, 2**63 - 1, -2**63, 123456789012345678, -1000000, 2**64):
    print(str(i), f"{i}", f"{i!s}", f"[{i}]", len(str(i)))
print(str(True), f"{False}", str(-0), "ab" + "cd", "é" + "x", len("é" + "x"), len("" + ""))

# Stepped slices of longer non-ASCII text (past the 64-character index marks).
w = "".join(chr(0x3b1 + k % 20) if k % 3 else chr(0x61 + k % 26) for k in range(300))
for sl in (slice(None, None, 7), slice(5, 250, 3), slice(100, None, 64), slice(299, 0, -5),
           slice(-1, None, -64), slice(70, 10, -1), slice(10, 70, -1), slice(3, 4, 9)):
    part = w[sl]
    print(sl.start, sl.stop, sl.step, len(part), part[:12], part == "".join(list(w)[sl]))
