# Instructions the run loop's fast path also makes (module globals stored in loops, stack copies
# and swaps of augmented attribute and item assignments, list displays, iterators over lists,
# tuples, strs and ranges, f-string fields, str concatenation), with the values it hands back
# to the general path (subclasses, other types, format specs, conversions).

total = 0
names = ""
for i in range(5):
    total += i
    names += str(i)
    last = i
print(total, names, last)


class Point:
    def __init__(self):
        self.x = 1
        self.tags = {"a": 1}


p = Point()
for k in range(3):
    p.x += k
    p.x *= 2
    p.tags["a"] += k
    p.tags["b"] = p.tags.get("b", 0) - 1
print(p.x, p.tags)

grid = [[0] * 3 for _ in range(2)]
for r in range(2):
    for c in range(3):
        grid[r][c] += r * 3 + c
        grid[r][c] <<= 1
print(grid, [1, "two", 3.0, None, [4]], [], [[]])

for seq in ([1, 2], (3, 4), "aé😀", range(2, 8, 3), range(0), "", {"k": 1}, {5}, b"hi", iter([9])):
    print(type(seq).__name__, [x for x in seq], list(iter(seq)))


class Text(str):
    def __add__(self, other):
        return "Text+" + str(other)


class Num(int):
    def __format__(self, spec):
        return "Num!"


s = "ab"
s += "é"
s = s + s
t = Text("x")
print(s, len(s), t + "y", "y" + t, type(t + "y").__name__)
for v in (1, -20, 2**70, "s", "é€", True, 1.5, Num(3), t):
    print(f"[{v}] [{v!s}] [{v!r}] [{v:>6}] {v}{v}", "end")
for v in (None, [1], (2,), {3: 4}):
    print(f"[{v}] [{v!s}] [{v!r}] {v}{v}", "end")
w = 7
print(f"{w}{w:03}{w!r}é{'x' * 3}{w + 1}-{s}-")
try:
    print("a" + 1)
except TypeError as e:
    print("TypeError", e)
try:
    names += 1
except TypeError as e:
    print("TypeError", e)
a, b, c = 1, 2, 3
print(a < b < c, a < c < b, 1 < 2 == 2 < 3)
