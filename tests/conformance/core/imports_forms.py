import math
import math as m
from math import sqrt, pi as PI
from random import randint as rand_int, seed
import sys, time
import asyncio
print(m is math, sqrt(81), PI == math.pi, m.floor(2.9))
seed(1)
print(rand_int(1, 100))
print(sys.argv[0].endswith("imports_forms.py"), callable(time.time), asyncio.iscoroutinefunction(print))
print(math.__name__, m.__name__, sys.__name__, type(math).__name__)
def inner_import():
    from math import factorial
    import random as r
    r.seed(5)
    return factorial(5), r.randint(1, 10)
print(inner_import())
try:
    import does_not_exist
except ModuleNotFoundError as e:
    print("ModuleNotFoundError:", e, "| name =", e.name)
try:
    from math import does_not_exist
except ImportError as e:
    print("ImportError:", type(e).__name__, e.name)
print(isinstance(ModuleNotFoundError("x"), ImportError))
