# `for` over lists, tuples and ranges, and method calls on builtin values, both of which the
# run loop shortcuts; the shortcuts must keep every observable behaviour.

xs = [1, 2, 3]
for x in xs:
    if x == 2:
        xs.append(4)  # seen: the iterator reads the list as it is now
    print("x", x)

ys = [1, 2, 3, 4]
for y in ys:
    print("y", y)
    if y == 2:
        ys.clear()
print(ys)

zs = [5, 6, 7]
it = iter(zs)
for z in it:
    print("z", z, next(it, "end"))

for r in range(10, 0, -3):
    print("r", r)
for r in range(2**62, 2**62 + 3):
    print("big", r)
for t in (1, "a", None):
    print("t", t)
for empty in []:
    print("never")
print([a * b for a in range(3) for b in (1, 10)])


def count_in(values):
    return [v.count(1) for v in values]


print(count_in([[1, 1, 2], (1, 2, 1, 1), "1".split()]))
print(count_in([b"\x01\x01"]))


def methods(v):
    out = []
    for name in ("upper", "bit_length", "keys"):
        try:
            out.append(getattr(v, name)())
        except AttributeError as e:
            out.append(str(e))
    return out


print(methods("ab"), methods(5), methods({1: 2}))


def call_same_site(objs):
    return [o.index(2) for o in objs]


print(call_same_site([[2], (0, 2), [1, 1, 2]]))
try:
    call_same_site([[2], "x2"])
except TypeError as e:
    print("TypeError:", e)
words = []
for w in "one two three".split():
    words.append(w.upper())
print(words, True.bit_length(), (7).bit_length())
