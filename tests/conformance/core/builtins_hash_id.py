a = [1, 2]
b = a
c = [1, 2]
print(id(a) == id(b), id(a) == id(c), a is b, a is c)
print(hash(1), hash(0), hash(-1), hash(True), hash(False), hash(1.0), hash(2.5), hash(10 ** 20))
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), hash(1) == hash(1.0) == hash(True))
print(hash(None) == hash(None), hash(frozenset([1])) == hash(frozenset([1])))
print(hash(2 ** 61 - 2), hash(-(2 ** 61)), hash(float("inf")), hash(-float("inf")), hash(0.0), hash(-0.0))
for unhashable in [[], {}, set()]:
    try:
        hash(unhashable)
    except TypeError as e:
        print("TypeError:", e)
x = 300
y = x
print(x is y, id(x) == id(y))
