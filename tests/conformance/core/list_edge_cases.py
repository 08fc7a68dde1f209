a = [3, 1, 2]
try:
    a[5]
except IndexError as e:
    print("IndexError:", e)
try:
    a[5] = 0
except IndexError as e:
    print("IndexError:", e)
try:
    del a[-9]
except IndexError as e:
    print("IndexError:", e)
try:
    a["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    a[1.0] = 2
except TypeError as e:
    print("TypeError:", e)
try:
    [3, "a", 1].sort()
except TypeError as e:
    print("TypeError:", e)
try:
    sorted([1, None])
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2].index(1, "x")
except TypeError as e:
    print("TypeError:", e)
try:
    a.insert(1)
except TypeError as e:
    print("TypeError:", e)
try:
    a.append(1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    a.sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
try:
    a.sort(bogus=1)
except TypeError as e:
    print("TypeError:", e)
print([1, 2] * -1, [0] * 0, 2 * [1, 2], [[1]] * 2)
b = list(range(10))
b[2:5] = "xy"
print(b)
b[::3] = [0, 0, 0]
print(b)
del b[1:8:2]
print(b)
b[len(b):] = [100, 101]
b[:0] = [-1]
print(b, b[-2:], b[:-8:-3], b[100:], b[-100:2])
b.extend(x * x for x in range(3))
b.extend("hi")
print(b, b.count(0), b.count("h"), len(b))
c = [5, 3, 5, 1]
c.remove(5)
print(c, c.index(5), c.pop(), c)
nested = [[1, 2], [1, 2]]
print(nested[0] == nested[1], nested[0] is nested[1], [1, [2, 3]] < [1, [2, 4]], [1, 2] != [1, 2.0])
x = [1, 2, 3]
y = x
x += [4]
x *= 2
print(y, x is y)
print(list(reversed(x)), x[::-1] == list(reversed(x)), sorted(x, key=lambda v: -v)[:3])
words = ["banana", "Apple", "cherry", "apple"]
words.sort(key=str.lower)
print(words, sorted(words, reverse=True), max(words), min(words, key=len))
try:
    [].remove(1)
except ValueError as e:
    print("ValueError:", e)
try:
    x[1:3] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    x[::2] = [1]
except ValueError as e:
    print("ValueError:", e)
print([i for i in range(3)] + list((4, 5)), list("ab") + ["c"])
