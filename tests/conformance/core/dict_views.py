d = {"apple": 3, "banana": 5, "cherry": 7}
keys, values, items = d.keys(), d.values(), d.items()
print(keys, values, items)
d["date"] = 9
del d["apple"]
print(keys, len(values), list(items))
print("banana" in keys, 5 in values, ("cherry", 7) in items, ("cherry", 8) in items)
print(sorted(keys & {"banana", "date", "fig"}), sorted(keys | {"zz"}), sorted(keys - {"date"}))
print(list(reversed(d)), list(reversed(d.values())), list(reversed(d.items())))
for k, v in d.items():
    print(k, "->", v)
print(sum(d.values()), max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]))
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as e:
    print("RuntimeError:", e)
print(type(keys).__name__, type(values).__name__, type(items).__name__)
print({1: "a"}.keys() == {1}, list({}.items()))
