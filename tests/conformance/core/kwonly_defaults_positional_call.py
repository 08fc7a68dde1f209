# Functions with keyword-only parameters called with positional arguments only: the
# keyword-only defaults fill their slots (the fast call path), required ones still fail.
def f(a, b=2, *, c=3, d=[]):
    d.append(a)
    return a, b, c, len(d)

print(f(1))
print(f(1, 20))
print(f(1, c=30))
print(f(1))

def required(a, *, key):
    return a, key

try:
    required(1)
except TypeError as e:
    print(e)
print(required(1, key="k"))
try:
    f(1, 2, 3)
except TypeError as e:
    print(e)

class Box:
    def get(self, *, default=None, scale=1):
        return default, scale

b = Box()
print(b.get(), b.get(default=0))

def gen(n, *, step=1):
    i = 0
    while i < n:
        yield i
        i += step

print(list(gen(5)), list(gen(5, step=2)))

def outer(x, *, y=10):
    def inner():
        return x + y
    return inner

print(outer(1)(), outer(1, y=5)())

def shadow(*, locals_after=1):
    temp = locals_after * 2
    return temp

print(shadow(), shadow(locals_after=4))
