# Calls of plain functions with exactly their positional parameters take a lean path in the
# run loop (the arguments move into the new frame, other locals start unbound). These are the
# shapes of such calls, and the calls next to them that must take the general path.


def add(a, b):
    return a + b


def later_local(flag):
    if flag:
        z = "bound"
    return z


class Box:
    def __init__(self, v):
        self.v = v

    def get(self):
        return self.v

    def put(self, v):
        old = self.v
        self.v = v
        return old

    @staticmethod
    def twice(x):
        return [x, x]


b = Box("first")
print(add(1, 2), add("a", "b"), add([1], [2]))
print(b.get(), b.put("second"), b.get())
print(Box.get(b), Box.put(b, "third"), b.v)
print(b.twice("s"), Box.twice(3))
b.fn = add  # a function in an instance attribute: no receiver
print(b.fn(4, 5))
print(later_local(True))
try:
    later_local(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
try:
    add(1)
except TypeError as e:
    print("TypeError:", e)
try:
    add(1, 2, 3)
except TypeError as e:
    print("TypeError:", e)
try:
    b.get(1)
except TypeError as e:
    print("TypeError:", e)


def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)


print(depth(500))
try:
    depth(100_000)
except RecursionError as e:
    print("RecursionError:", e)


def keeps(a, b):
    c = [a, b]
    d = {"k": c}
    return d


for i in range(3):
    print(keeps(i, str(i)))


def swap(a, b):
    a, b = b, a
    return a, b


print(swap(1, 2), swap("x", None))
