t = (1, 2, 3)
single = (5,)
empty = ()
no_parens = 4, 5
print(t, single, empty, no_parens, type(no_parens).__name__, (5), len(empty))
print(t[0], t[-1], t[1:], t * 2, t + (4,), t.count(2), t.index(3))
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99), (1, "a") == (1, "a"))
a, b, c = t
print(a, b, c)
print(tuple("abc"), tuple([1, [2]]), tuple(range(3)), tuple({1: 2}))
point = {(0, 0): "origin", (1, 2): "p"}
print(point[(1, 2)], point[0, 0], (1, 2) in point)
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], nested, len(nested))
try:
    t[0] = 9
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
mixed = (1, [2, 3])
mixed[1].append(4)
print(mixed)
try:
    hash(mixed)
except TypeError as e:
    print("TypeError:", e)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), max((3, 1), (2, 9)))
