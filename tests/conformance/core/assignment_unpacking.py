a, b = 1, 2
a, b = b, a
print(a, b)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
head, *middle, tail = range(6)
print(head, middle, tail)
x, *y = [1]
print(x, y)
(p, q), r = (1, 2), 3
print(p, q, r)
[m, [n, o]] = [10, [20, 30]]
print(m, n, o)
i = j = k = []
i.append(1)
print(i, j, k, i is k)
for idx, (key, val) in enumerate({"a": 1, "b": 2}.items()):
    print(idx, key, val)
a, b, c = "xyz"
print(a, b, c)
lst = [0, 0, 0]
lst[0], lst[2] = 5, 7
print(lst)
class Box: pass
box = Box()
box.w, box.h = 3, 4
print(box.w * box.h)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    a, *b, c = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 5
except TypeError as e:
    print("TypeError:", e)
