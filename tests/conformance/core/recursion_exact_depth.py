import sys
depth = 0
def dive():
    global depth
    depth += 1
    dive()
try:
    dive()
except RecursionError:
    print("max depth at limit 1000:", depth)
sys.setrecursionlimit(50)
depth = 0
try:
    dive()
except RecursionError:
    print("max depth at limit 50:", depth)
def nested():
    global depth
    depth = 0
    try:
        dive()
    except RecursionError:
        return depth
print("from one frame deeper:", nested())
