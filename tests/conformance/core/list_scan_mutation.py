# `in`, index, count and remove scan a list in place: an __eq__ that grows, shrinks or
# clears the list during the scan sees (and is seen by) the live list, as in CPython.


class Appender:
    def __init__(self, lst, what):
        self.lst = lst
        self.what = what
        self.calls = 0

    def __eq__(self, other):
        self.calls += 1
        if self.calls < 4:
            self.lst.append(self.what)
        return False

    __hash__ = object.__hash__


class Clearer:
    def __init__(self, lst):
        self.lst = lst
        self.calls = 0

    def __eq__(self, other):
        self.calls += 1
        self.lst.clear()
        return False

    __hash__ = object.__hash__


class Popper:
    def __init__(self, lst):
        self.lst = lst

    def __eq__(self, other):
        if self.lst:
            self.lst.pop(0)
        return other == "target"

    __hash__ = object.__hash__


class Eq:
    def __init__(self, v):
        self.v = v

    def __eq__(self, other):
        print("eq", self.v, other)
        return self.v == other

    __hash__ = object.__hash__


# Growing: elements appended during the scan are compared too.
lst = []
a = Appender(lst, 7)
lst.append(a)
print(7 in lst, a.calls, len(lst))

lst = []
a = Appender(lst, 7)
lst.append(a)
print(lst.index(7), a.calls, len(lst))

lst = []
a = Appender(lst, 7)
lst.append(a)
print(lst.index(7, 0, 100), len(lst))

lst = []
a = Appender(lst, 7)
lst.append(a)
try:
    print(lst.index(7, 0, 1))
except ValueError as e:
    print("ValueError", e)
print(len(lst))

lst = []
a = Appender(lst, 7)
lst.append(a)
print(lst.count(7), a.calls, len(lst))

lst = []
a = Appender(lst, 7)
lst.append(a)
lst.remove(7)
print(len(lst), lst[0] is a, lst[1:])

# Clearing: the scan stops at the new length, nothing is read past the end.
for op in ("in", "index", "count", "remove"):
    lst = []
    c = Clearer(lst)
    lst.extend([c, c, 1, 2, 3])
    try:
        if op == "in":
            print(op, 3 in lst, c.calls)
        elif op == "index":
            print(op, lst.index(3), c.calls)
        elif op == "count":
            print(op, lst.count(3), c.calls)
        else:
            print(op, lst.remove(3), c.calls)
    except ValueError as e:
        print(op, "ValueError", e, c.calls)
    print(lst)

# Shrinking from the front: remove takes whatever sits at the matching index afterwards.
lst = ["a", "b", "c", "d"]
p = Popper(lst)
lst.insert(0, p)
lst2 = lst
try:
    lst.remove("target")
except ValueError as e:
    print("ValueError", e)
print(len(lst))


class Match:
    def __init__(self, lst):
        self.lst = lst

    def __eq__(self, other):
        self.lst.clear()
        return True

    __hash__ = object.__hash__


lst = []
m = Match(lst)
lst.extend([1, m, 2])
lst.remove(m.__class__)  # m compares equal after clearing; nothing left to remove
print(lst)
lst = []
m = Match(lst)
lst.extend([m, 2])
print(lst.index(0), lst)
lst = []
m = Match(lst)
lst.extend([m, m, m])
print(lst.count(0), lst)

# Left operand is the element; identity short-circuits.
nan = float("nan")
print(nan in [nan], [nan].index(nan), [nan, nan].count(nan), nan in (nan,))
print(Eq(1) in [1], 1 in [Eq(1)])
print([1, Eq(2), 3].index(2), (Eq(5), 5).count(5))

# Plain values, bounds, subclasses.
l = [1, 2, 3, 2, 1]
print(l.index(2), l.index(2, 2), l.index(1, -2), l.index(2, -10, 2), l.count(2), l.count(9))
print(l.index(1, 10**30 * -1), (1, 2, 1).index(1, 1), (1, 2, 1).index(1, -1, 10**30))
for args in [(9,), (1, 1, 4), (3, 0, 2), (2, 4, 1)]:
    try:
        print(l.index(*args))
    except ValueError as e:
        print("ValueError", e)
    try:
        print(tuple(l).index(*args))
    except ValueError as e:
        print("ValueError", e)
print(2.0 in l, True in l, "1" in l, (1, 2) in [[1, 2], (1, 2)], [1, 2] in [(1, 2)])


class L(list):
    def __iter__(self):
        raise RuntimeError("not used")


class T(tuple):
    pass


ll = L([1, 2, 3])
print(ll.index(3), ll.count(2), 2 in ll, 5 in ll)
try:
    ll.index(9)
except ValueError as e:
    print("ValueError", e)
try:
    T((1,)).index(9)
except ValueError as e:
    print("ValueError", e)
print(T((1, 2, 2)).count(2))

# range
r = range(0, 20, 3)
print(r.index(9), r.index(True if 1 in r else 0) if 0 in r else None, r.count(9), r.count(10))
print(r.index(9.0), r.count(9.0), range(5).index(True), range(5).count(True))
for bad in [7.0, "x", 10**30, 10]:
    try:
        print(r.index(bad))
    except ValueError as e:
        print("ValueError", e)
for call in [lambda: r.index(3, 0), lambda: r.index(), lambda: [].index(), lambda: [].index(1, 2, 3, 4)]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)
for call in [lambda: [].count(), lambda: [].remove(), lambda: ().count(1, 2), lambda: range(3).count()]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)

# Errors raised by __eq__ propagate.


class Boom:
    def __eq__(self, other):
        raise KeyError("boom")

    __hash__ = object.__hash__


for call in [lambda: 1 in [Boom()], lambda: [Boom()].index(1), lambda: [Boom()].count(1),
             lambda: [Boom()].remove(1), lambda: (Boom(),).index(1), lambda: 1 in (Boom(),)]:
    try:
        call()
    except KeyError as e:
        print("KeyError", e)
