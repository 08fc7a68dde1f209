# `module.name` and `module.name(...)` read the module's current global each time, however
# often the same place in the code has run: patched, deleted and restored attributes show.
import math


def root(x):
    return math.sqrt(x)


def pi():
    return math.pi


print(root(16.0), pi())
saved = math.sqrt
math.sqrt = lambda x: f"patched {x}"
math.pi = 3
print(root(16.0), pi())
del math.sqrt
try:
    root(16.0)
except AttributeError as e:
    print("AttributeError:", e)
math.sqrt = saved
print(root(2.25))
