# `for a, b in ...` over dict items and enumerate, and the cases around them: other iterators,
# a different number of targets, a dict changed or a source raising midway, enumerate's count
# across a source that stops and starts again and past 64 bits, and the pair itself kept alive.

prices = {"apple": 3, "pear": 5, "plum": 2}
for name, price in prices.items():
    print(name, price)
print({v: k for k, v in prices.items() if v > 2})
print([f"{i}:{c}" for i, c in enumerate("abc")])
print([(i, c) for i, c in enumerate("xyz", start=-2)])
for i, (k, v) in enumerate(prices.items()):
    print(i, k, v)
for (i, c), j in zip(enumerate("ab"), "pq"):
    print(i, c, j)
for i, pair in enumerate(enumerate([10, 20])):
    print(i, pair)
for outer, (inner, x) in enumerate(enumerate(range(3), 5)):
    print(outer, inner, x)

# Not pairs, or not unpacked in pairs.
for item in prices.items():
    print(item, type(item).__name__)
for a, b in [(1, 2), [3, 4], "xy"]:
    print(a, b)
try:
    for a, b, c in prices.items():
        print(a, b, c)
except ValueError as e:
    print("ValueError", e)
try:
    for a, b in enumerate([(1, 2)] * 2, 1):
        print(a, b)
    for a, (b, c, d) in enumerate([(1, 2)]):
        print(a, b, c, d)
except ValueError as e:
    print("ValueError", e)
try:
    for a, b in [1]:
        pass
except TypeError as e:
    print("TypeError", e)

# Large and negative counts, a big-int start.
for i, c in enumerate("ab", 2**62 - 1):
    print(i, c)
for i, c in enumerate("ab", 2**70):
    print(i, c)
for i, c in enumerate("ab", -1):
    print(i, c)


# enumerate over iterators the fast loop does not step: a generator, a class.
def gen():
    yield "g1"
    yield "g2"


print(list(enumerate(gen())))
for i, g in enumerate(gen()):
    print(i, g)


class Flaky:
    """Stops after every second item, then goes on: enumerate's count must not skip."""

    def __init__(self):
        self.n = 0

    def __iter__(self):
        return self

    def __next__(self):
        self.n += 1
        if self.n % 3 == 0:
            raise StopIteration
        if self.n > 7:
            raise StopIteration
        return self.n


e = enumerate(Flaky())
for i, v in e:
    print("flaky", i, v)
for i, v in e:
    print("flaky again", i, v)
it = iter([1, 2, 3])
e = enumerate(it)
for i, v in e:
    print("list", i, v)
    if v == 2:
        break
for i, v in e:
    print("list resumed", i, v)

# Changing the dict while its items are unpacked.
d = {1: "a", 2: "b"}
try:
    for k, v in d.items():
        d[k + 10] = v
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: "a", 2: "b", 3: "c"}
try:
    for k, v in d.items():
        print(k, v)
        del d[3]
except RuntimeError as e:
    print("RuntimeError", e)
d = {1: "a", 2: "b"}
for k, v in d.items():
    d[k] = v * 2
print(d)

# The list a loop walks grows under enumerate.
xs = [1, 2]
for i, x in enumerate(xs):
    if i < 3:
        xs.append(x * 10)
    print(i, x)

# A pair from a generator that raises in the middle.


def boom():
    yield 1
    raise KeyError("mid")


try:
    for i, v in enumerate(boom()):
        print(i, v)
except KeyError as e:
    print("KeyError", e)

# Pairs kept past the step are real tuples.
kept = [p for p in enumerate("ab")]
print(kept, [type(p).__name__ for p in kept])
kept = list(prices.items())
print(kept)
e = enumerate("hi")
print(next(e), list(e), list(e))
print(type(enumerate([])).__name__)
