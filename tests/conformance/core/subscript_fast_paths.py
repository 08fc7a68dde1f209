# `x[i]` and `x[i] = v` on lists, tuples and dicts with int and str keys run without the
# VM's general path when they can; every other case must behave as before.

xs = [10, 20, 30]
t = (1, "two", 3.0)
print(xs[0], xs[-1], t[1], t[-3])
xs[1] = "twenty"
xs[-1] = xs[0] + 5
print(xs)
for bad in (3, -4):
    try:
        xs[bad]
    except IndexError as e:
        print("IndexError:", e)
    try:
        xs[bad] = 0
    except IndexError as e:
        print("IndexError:", e)
    try:
        t[bad]
    except IndexError as e:
        print("IndexError:", e)
print(xs[True], t[False])
xs[True] = "bool index"
print(xs)
try:
    t[0] = 1
except TypeError as e:
    print("TypeError:", e)

d = {"a": 1, 2: "two", 1.0: "float one"}
print(d["a"], d[2], d[1], d[True])
d[1] = "int one"  # the float key 1.0 equals the int 1: replaced, key kept
d["b"] = d["a"] + 1
d[2] = None
print(d)
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e)
try:
    d[2**70]
except KeyError as e:
    print("KeyError:", e)


class Key:
    def __init__(self, v):
        self.v = v

    def __hash__(self):
        return hash(self.v)

    def __eq__(self, other):
        print("Key.__eq__")
        return self.v == (other.v if isinstance(other, Key) else other)


slow = {Key("a"): 1}
slow["a"] = 2  # a str key equal to a Key: found through Key.__eq__
print(len(slow), [v for v in slow.values()])
print(slow["a"])


class MyDict(dict):
    def __missing__(self, key):
        return f"missing {key}"


md = MyDict(x=1)
print(md["x"], md["y"])


class MyList(list):
    def __getitem__(self, i):
        return ("custom", super().__getitem__(i))


ml = MyList([5, 6])
print(ml[0], ml[-1])

counts = {}
for w in "a b a c b a".split():
    counts[w] = counts.get(w, 0) + 1
print(counts)
seen = {}
for w in "x y x".split():
    if w in seen:
        seen[w] += 1
    else:
        seen[w] = 1
print(seen)
grid = [[0] * 3 for _ in range(2)]
grid[1][2] = 7
grid[0][0] += 1
print(grid)
nested = {"k": [1, 2]}
nested["k"][0] = "changed"
print(nested)

print("a" in d, "zz" in d, 2 in d, 1 in d, True in d, 1.5 not in d, "a" not in d)
print("a" in slow, Key("a") in slow, "q" in slow)
