class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point(x={self.x!r}, y={self.y!r})"
    def __str__(self):
        return f"({self.x}, {self.y})"
class OnlyRepr:
    def __repr__(self):
        return "<OnlyRepr>"
class OnlyStr:
    def __str__(self):
        return "only-str"
p = Point(1, "two")
print(p, str(p), repr(p), [p], (p,), {"k": p}, f"{p}", f"{p!r}", "%s %r" % (p, p))
print(OnlyRepr(), str(OnlyRepr()), [OnlyRepr()], OnlyStr(), "{}".format(OnlyStr()))
print(repr(OnlyStr()).startswith("<__main__.OnlyStr object at"))
class Money:
    def __init__(self, amount):
        self.amount = amount
    def __format__(self, spec):
        if not spec:
            return f"${self.amount:.2f}"
        return f"${self.amount:{spec}}"
    def __str__(self):
        return "Money"
m = Money(1234.5)
print(f"{m}", f"{m:,.1f}", format(m, ">10.0f"), "{:.3f}".format(m), str(m))
class BadRepr:
    def __repr__(self):
        return 42
try:
    repr(BadRepr())
except TypeError as e:
    print("TypeError:", e)
print(str(Point), repr(int), str(type(p)), repr(None.__class__))
