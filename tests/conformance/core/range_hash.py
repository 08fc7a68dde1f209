# Equal ranges hash equal: CPython hashes (len, start, step), ignoring what cannot matter.
print(hash(range(3)) == hash(range(0, 3)), hash(range(0)) == hash(range(5, 2)), hash(range(1, 2)) == hash(range(1, 2, 7)))
print(hash(range(3)), hash(range(1, 10, 2)), hash(range(3)) == hash(range(4)))
print(len({range(3), range(0, 3, 1), range(0), range(9, 1)}))
d = {range(2, 8, 3): "a"}
print(d[range(2, 6, 3)], range(2, 8, 3) == range(2, 6, 3))
