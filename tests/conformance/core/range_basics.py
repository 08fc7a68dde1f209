r = range(10)
print(r, range(2, 10), range(0, 10, 3), range(5, 0, -1), len(r), len(range(0, 10, 3)))
print(list(range(5)), list(range(2, 8, 2)), list(range(10, 0, -3)), list(range(0)), list(range(5, 2)))
print(r[3], r[-1], r[2:5], r[::-1], r[::3], range(0, 20, 5)[1:], list(r[::-2]))
print(5 in r, 10 in r, 3.0 in r, r.index(4), range(0, 10, 2).count(4))
print(range(0, 5) == range(5), range(0) == range(2, 2), range(0, 3, 2) == range(0, 4, 2))
print(sum(range(101)), max(range(7)), min(range(3, 9)), list(reversed(range(4))))
print(range(3).start, range(3).stop, range(1, 9, 2).step, bool(range(0)), bool(range(1)))
big = range(10 ** 18)
print(len(big), big[-1], 10 ** 17 in big)
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
try:
    r[10]
except IndexError as e:
    print("IndexError:", e)
try:
    range(1.5)
except TypeError as e:
    print("TypeError:", e)
