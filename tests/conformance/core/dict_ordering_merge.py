d = {}
for word in ["pear", "fig", "apple", "fig", "kiwi", "pear"]:
    d[word] = d.get(word, 0) + 1
print(d)
d["fig"] = 100
print(d)
del d["pear"]
d["pear"] = 1
print(d)
print({"a": 1, "b": 2} == {"b": 2, "a": 1}, list({"b": 1, "a": 2}))
x = {"a": 1, "b": 2}
y = {"b": 3, "c": 4}
print(x | y, y | x, {**x, **y}, {**y, "a": 0})
x |= y
print(x)
squares = {n: n * n for n in range(6) if n % 2 == 0}
print(squares)
inverted = {v: k for k, v in squares.items()}
print(inverted)
print({1: "int", 1.0: "float", True: "bool"})
nested = {"user": {"name": "ann", "tags": ["a", "b"]}, "n": None}
print(nested, nested["user"]["tags"][-1])
counts = {}
for ch in "hello world":
    if ch != " ":
        counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: kv[1], reverse=True)[:3])
