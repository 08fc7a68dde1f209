data = {"list": [1, [2, [3]]], "tuple": (1,), "empty": [(), {}, set(), frozenset(), ""], "none": None}
print(data)
print(repr(data) == str(data), len(str(data)))
d = {}
d["self"] = d
l = [1, 2]
l.append(l)
print(d, l)
t = ([],)
t[0].append(t)
print(t)
print([[]], [()], [{}], ({},), {1: {2: {3: {}}}}, [1.0, -0.0, float("inf")])
print({(1, 2): [3, {4: "five"}], "s": {6}}, [True, False, None], ["'", '"', "\\"])
print(str((1, "a", [b"b"])), repr(("x",)), [range(3), slice(1, 2)], {"k": range(0)})
print([print], [len, abs][0].__name__)
print({"a": 1}.__repr__(), [1, 2].__str__(), (1, 2).__repr__())
