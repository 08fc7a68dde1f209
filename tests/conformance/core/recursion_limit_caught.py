import sys
print(sys.getrecursionlimit())
def down(n):
    return 0 if n == 0 else 1 + down(n - 1)
print(down(900))
try:
    down(5000)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError), type(e).__mro__[1].__name__)
sys.setrecursionlimit(20000)
print(sys.getrecursionlimit(), down(15000))
sys.setrecursionlimit(1000)
def forever():
    return forever()
try:
    forever()
except RecursionError as e:
    print("caught again:", e)
print("still alive", down(10))
