d = {"b": 2, "a": 1}
print(d.get("a"), d.get("zz"), d.get("zz", 0), d.setdefault("c", 3), d.setdefault("a", 99), d)
print(d.pop("c"), d.pop("missing", "dflt"), d)
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e, repr(e))
print(d.popitem(), d)
e = {}
try:
    e.popitem()
except KeyError as err:
    print("KeyError:", err)
d.update({"x": 10}, y=20)
d.update([("z", 30), ("b", 5)])
d.update(w=0)
print(d, len(d))
try:
    d.update([("only-one",)])
except ValueError as err:
    print("ValueError:", err)
try:
    d.update(5)
except TypeError as err:
    print("TypeError:", err)
try:
    d.update(1, 2)
except TypeError as err:
    print("TypeError:", err)
print(dict.fromkeys("abc"), dict.fromkeys(range(3), []), dict.fromkeys([]))
c = d.copy()
c["new"] = 1
print("new" in d, "new" in c, c is d, c == d)
c.clear()
print(c, bool(c), {} == dict(), dict(a=1) == {"a": 1})
try:
    {}[(1, 2)]
except KeyError as err:
    print("KeyError:", err, repr(err), err.args)
try:
    {[1]: 2}
except TypeError as err:
    print("TypeError:", err)
try:
    d[{}] = 1
except TypeError as err:
    print("TypeError:", err)
try:
    {1: 2} < {3: 4}
except TypeError as err:
    print("TypeError:", err)
m = {"a": 1, "b": 2}
n = {"b": 3, "c": 4}
print(m | n, n | m, m)
m |= n
print(m, list(reversed(m)), list(reversed(m.items())))
try:
    m | [("q", 1)]
except TypeError as err:
    print("TypeError:", err)
m |= [("q", 1)]
print(m)
print({1: "int", 1.0: "float", True: "bool"}, {0: "zero", False: "false"})
print(dict([(1, 2), [3, 4], "xy"]), dict(zip("ab", range(2)), c=3))
print(list({"k": 1}.items())[0], {"k": 1}.keys() == {"k"}, {"k": 1}.values())
counts = {}
for word in "the cat the dog the end".split():
    counts[word] = counts.get(word, 0) + 1
print(counts, max(counts, key=counts.get), sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
try:
    for k in m:
        del m[k]
except RuntimeError as err:
    print("RuntimeError:", err)
print(dict.get(d, "x"), type({}.keys()).__name__, type({}.get).__name__)
