print(max(3, 9, 4), min([5, 2, 8]), max("hello"), min("b", "a", key=str.upper), max([], default="none"))
print(max([1, 5, 3], key=lambda v: -v), min((2, "b"), (1, "z")), max([[1, 2], [1, 3]]), min({"x": 1, "a": 2}))
try:
    max([])
except ValueError as e:
    print("ValueError:", e)
try:
    min()
except TypeError as e:
    print("TypeError:", e)
try:
    max(1, 2, default=0)
except TypeError as e:
    print("TypeError:", e)
try:
    max(5)
except TypeError as e:
    print("TypeError:", e)
try:
    min([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []), sum(range(5), 10), sum((), 7), sum([True, True]))
try:
    sum(["a", "b"], "")
except TypeError as e:
    print("TypeError:", e)
try:
    sum([1, "a"])
except TypeError as e:
    print("TypeError:", e)
print(any([0, "", None]), any(x > 2 for x in [1, 3]), all([]), all([1, [], 2]), all(x for x in "abc"))
print(sorted("bca"), sorted((3, 1, 2), reverse=True), sorted({"b": 1, "a": 2}), sorted([(1, "b"), (1, "a"), (0, "z")]))
print(sorted(["bb", "a", "ccc"], key=len), sorted([-3, 1, -2], key=abs), sorted([], key=len))
try:
    sorted([1, 2], key=5)
except TypeError as e:
    print("TypeError:", e)
try:
    sorted()
except TypeError as e:
    print("TypeError:", e)
print(list(reversed([1, 2, 3])), list(reversed("ab")), list(reversed((1,))), list(reversed({"a": 1, "b": 2})))
try:
    reversed({1, 2})
except TypeError as e:
    print("TypeError:", e)
try:
    reversed(5)
except TypeError as e:
    print("TypeError:", e)
class Seq:
    def __len__(self):
        return 3
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), sum(Seq()), max(Seq()), 20 in Seq())
print(list(enumerate("ab", start=10)), list(enumerate([])), list(zip("abc", [1, 2])), list(zip([1, 2], "ab", strict=True)))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
try:
    list(zip([1], [1, 2], [3], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")), list(filter(lambda v: v % 2, range(7))), list(filter(None, (0, 1, False, 2))))
try:
    zip(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    map(len)
except TypeError as e:
    print("TypeError:", e)
