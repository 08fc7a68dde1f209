s = {3, 1}
s.add(2)
print(s, len(s), 2 in s, 4 not in s)
try:
    s.remove(10)
except KeyError as e:
    print("KeyError:", e, repr(e))
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.add([1])
except TypeError as e:
    print("TypeError:", e)
try:
    {1} + {2}
except TypeError as e:
    print("TypeError:", e)
try:
    {1} | [2]
except TypeError as e:
    print("TypeError:", e)
try:
    {1} < [1]
except TypeError as e:
    print("TypeError:", e)
try:
    s.update(5)
except TypeError as e:
    print("TypeError:", e)
try:
    frozenset([1]).add(2)
except AttributeError as e:
    print("AttributeError:", e)
print(s.union([7], (8, 9)), s.intersection([1, 2], {2, 1}), s.difference([1], [2]), s.symmetric_difference([3, 4]))
print(s.issubset(range(5)), s.issuperset([1, 2]), s.isdisjoint("ab"), s <= s, s < s, s >= set(), s > set())
t = set(s)
t.update([10, 11], {12})
t.difference_update([10], {11})
t.intersection_update(range(20))
t.symmetric_difference_update({1, 99})
print(t, t == {2, 3, 12, 99}, t != s)
f = frozenset(s)
print(f, f == s, s == f, {f: "frozen"}[frozenset({1, 2, 3})], f | {5}, {5} | f, type(f & s).__name__, type(s & f).__name__)
print(frozenset(), set(), frozenset(()) == set(), len(frozenset("hello")), sorted(frozenset("hello")))
print({x % 5 for x in range(20)}, {(i, i * i) for i in range(3)} == {(0, 0), (1, 1), (2, 4)})
u = set()
for word in "a b c a b d".split():
    u.add(word)
print(sorted(u), len(u), "a" in u)
v = {1, 2}
w = v
v |= {3}
v -= {1}
print(w, v is w)
print(set([1, 1.0, True]), {0, 0.0, False, None}, set("aaa"), set(range(0)))
print(min({4, 2, 8}), max({4, 2, 8}), sum({1, 2, 3}), sorted({3: 0, 1: 0}), any(set()), all(set()))
print(set.union({1}, {2}), set.intersection({1, 2}, {2}), frozenset.union(frozenset(), [1]))
print(repr(set()), repr(frozenset()), str({1}), str(frozenset({2})))
