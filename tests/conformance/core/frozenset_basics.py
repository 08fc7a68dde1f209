f = frozenset([3, 1, 2, 3])
print(f, len(f), 2 in f, frozenset(), type(f).__name__)
g = f | {10}
print(g, type(g).__name__, f & {1, 5}, {1, 5} & f, type({1, 5} & f).__name__)
d = {f: "three items", frozenset(): "empty"}
print(d[frozenset({1, 2, 3})], d[frozenset()])
print(f == {1, 2, 3}, hash(f) == hash(frozenset([1, 2, 3])))
groups = {frozenset({1, 2}), frozenset({2, 1}), frozenset({3})}
print(len(groups))
try:
    f.add(4)
except AttributeError as e:
    print("AttributeError:", e)
try:
    {{1, 2}}
except TypeError as e:
    print("TypeError:", e)
print(frozenset(range(5)) - frozenset(range(2)), sorted(frozenset("cab")))
