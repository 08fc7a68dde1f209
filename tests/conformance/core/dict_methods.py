d = {"a": 1, "b": 2}
print(d.get("a"), d.get("z"), d.get("z", 0), d["b"], len(d))
print(d.setdefault("c", 3), d.setdefault("a", 100), d)
print(d.pop("b"), d.pop("zz", "default"), d)
d.update({"x": 10, "a": -1})
d.update(y=20)
d.update([("z", 30)])
print(d)
print(d.popitem(), d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(dict.fromkeys("abc", 0), dict.fromkeys([1, 2]))
e = d.copy()
e["new"] = 1
print(d, e, "new" in d, "new" in e)
e.clear()
print(e, bool(e), bool(d))
del d["x"]
print(d, d == {"a": -1, "c": 3, "y": 20}, d != {})
print(dict(a=1, b=2), dict([("k", "v")]), dict(zip("xy", [1, 2])), dict({"m": 1}, n=2))
try:
    d.pop("missing")
except KeyError as e:
    print("KeyError:", e)
try:
    {}.popitem()
except KeyError as e:
    print("KeyError:", e)
