class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
p = Point(3, 4)
print(vars(p), p.__dict__ is vars(p))
print([n for n in dir(p) if not n.startswith("__")])
print([n for n in dir(Point) if not n.startswith("__")])
print("norm" in dir(p), "x" in dir(Point), "__init__" in dir(p))
o = object()
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError:", e)
print(type(o).__name__, isinstance(Point, object), object.__name__)
def local_names():
    a = 1
    b = "two"
    return sorted(vars().items()) if False else sorted(locals())
print(local_names())
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
