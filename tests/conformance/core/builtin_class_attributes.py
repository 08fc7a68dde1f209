# A free builtin function stored on a class (`fn = len`) does not bind to instances, as in
# CPython; a Python function does, through every look-up path (attribute, method call, super()).
import math


class O:
    fn = len
    root = math.sqrt

    def meth(self):
        return "meth"


o = O()
print(o.fn([1, 2]), O.fn("abc"), o.root(16.0), o.meth())
f = o.fn
print(f is len, o.root is math.sqrt)


class P(O):
    def size(self, x):
        return super().fn(x)


print(P().size([1, 2, 3]), P().fn("ab"))
for _ in range(3):
    print(o.fn((1,)), end=" ")
print()
