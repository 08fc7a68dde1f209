items = [1, 2, 3]
alias = items
copy = list(items)
print(alias is items, copy is items, copy == items, copy is not items)
print(2 in items, 5 not in items, "b" in "abc", "ab" in "cab", "ba" not in "abc")
d = {"k": 1}
print("k" in d, 1 in d, 1 in d.values(), ("k", 1) in d.items())
print(3 in range(5), 3 in {3: 0}, 3 in {1, 3}, 3 in (1, 2), [] in [[], 1])
x = None
print(x is None, x is not None, type(x) is type(None))
print(True is True, isinstance(None, object), [1, 2] in [[1, 2]])
nan = float("nan")
lst = [nan]
print(nan in lst, nan == lst[0], lst.count(nan), lst.index(nan))
class AlwaysIn:
    def __contains__(self, item):
        print("checking", item)
        return item != "no"
print("yes" in AlwaysIn(), "no" in AlwaysIn(), "no" not in AlwaysIn())
try:
    print(1 in 5)
except TypeError as e:
    print("TypeError:", e)
