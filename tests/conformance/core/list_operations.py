a = [1, 2, 3]
b = a
b.append(4)
print(a, b, a is b)
c = a + [5]
print(a, c, a * 2, [0] * 3, [[]] * 2)
grid = [[0] * 3] * 2
grid[0][0] = 9
print(grid)
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 9
print(grid)
a[1:3] = ["x", "y", "z"]
print(a)
a[:0] = [-1]
del a[-1]
print(a)
del a[::2]
print(a, len(a))
print([1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 9], [1, 2] == [1, 2], [] == [])
print(3 in [1, 2, 3], [1] in [[1], [2]], list(range(3)) + list("ab"))
nested = [1, [2, [3, [4]]], "s", (5,), {"k": [6]}]
print(nested, str(nested) == repr(nested), len(nested))
x = [3, 1, 2]
y = sorted(x)
print(x, y, x.sort(), x)
print(sum([[1], [2, 3]], []), max([[1, 2], [1, 3], [0, 9]]))
lst = [1, 2, 3]
lst += (4, 5)
print(lst)
try:
    lst + (6,)
except TypeError as e:
    print("TypeError:", e)
r = [1]
r.append(r)
print(r)
