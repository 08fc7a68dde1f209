t = (1, 2, 3, 2)
print(t.count(2), t.index(3), t.index(2, 2), t[1:3], t[::-1], t + (4,), t * 2, len(t))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    t.index(9)
except ValueError as e:
    print("ValueError:", e)
try:
    t[10]
except IndexError as e:
    print("IndexError:", e)
try:
    del t[0]
except TypeError as e:
    print("TypeError:", e)
try:
    t + [1]
except TypeError as e:
    print("TypeError:", e)
print((1,) == (1,), (1, 2) < (1, 3), (1, 2) < (1, 2, 0), () < (0,), (2,) > (1, 9), (1, [2]) == (1, [2]))
print(hash((1, 2)) == hash((1, 2)), hash((1, "a", (2.0, None))) == hash((1, "a", (2, None))))
try:
    hash((1, [2]))
except TypeError as e:
    print("TypeError:", e)
a, *rest = t
print(a, rest, tuple(rest), (*rest, 9))
r = range(2, 20, 3)
print(r, len(r), r[0], r[-1], r[1:4], r[::-1], r[::2], list(r[::-2]), 5 in r, 6 in r, 5.0 in r)
print(r.start, r.stop, r.step, r.index(8), r.count(8), r.count(9), range(0) == range(5, 2), range(1, 4) == range(1, 5, 1))
print(list(range(5, 0, -2)), list(range(-3)), range(10)[-3:], reversed(range(3)).__class__.__name__, list(reversed(range(1, 10, 4))))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
try:
    range(5)[10]
except IndexError as e:
    print("IndexError:", e)
try:
    r.index(7)
except ValueError as e:
    print("ValueError:", e)
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(3), reverse=True), bool(range(0)), bool(range(1)))
print(range(3) == range(0, 3, 1), hash(range(3)) == hash(range(0, 3)), range(2, 10, 4)[1], tuple(range(3)))
print(divmod(len(range(0, 100, 7)), 3), list(enumerate(range(3), 1)), list(zip(range(3), "abc")))
