a = {5, 3, 1, 9, 7}
b = {2, 3, 5, 8}
print(a, b)
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union([10, 0]), a.intersection(range(4)), a.difference({1}), a.symmetric_difference({1, 2}))
print({1, 2} <= {1, 2, 3}, {1, 2} < {1, 2}, {1, 2, 3} >= {3}, a.isdisjoint({4, 6}), {1}.issubset(a), a.issuperset({1, 9}))
s = set()
for n in [4, 1, 4, 9, 16, 1, 25]:
    s.add(n)
print(s, len(s), 16 in s, 2 in s)
s.discard(100)
s.remove(4)
print(s)
print(s.pop(), s)
try:
    s.remove(42)
except KeyError as e:
    print("KeyError:", e)
s.update([3, 2], {64, 32})
print(s)
s.intersection_update({1, 2, 3, 64, 25})
print(s)
s -= {2}
s |= {100, 50}
s &= {1, 3, 100, 50, 25}
s ^= {3, 7}
print(s)
print(set(), set([3, 3, 2]), set(range(10, 0, -2)), {x % 4 for x in range(20)})
print(sorted({"pear", "apple", "fig"}), len({"a", "b", "a"}))
print({1, 2} == {2, 1}, {1, 2, 3} - {2} == {1, 3}, set() == set([]))
