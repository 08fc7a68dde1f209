import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(2500)
print(sys.getrecursionlimit())
print(type(sys.argv).__name__, sys.argv[0].endswith(".py"))
print(sys.maxsize == 2 ** 63 - 1, sys.maxsize + 1)
print(sys.version_info[0], sys.version_info >= (3, 8), sys.version_info.major)
print(callable(sys.exit), callable(sys.stdout.write))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
