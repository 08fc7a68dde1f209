# `local.attr` and `local.method(...)` compile to one instruction each; every case the separate
# load and attribute access handled must still behave the same.


class Point:
    def __init__(self, x):
        self.x = x

    def double(self):
        return self.x * 2


def attrs(p, n):
    total = 0
    for _ in range(n):
        total += p.x + p.double()
    return total


print(attrs(Point(3), 4), attrs(Point(2.5), 2))


def shadowed(p):
    p.double = lambda: "instance attribute wins"
    return p.double()


print(shadowed(Point(1)))


def unbound_attr():
    try:
        print(q.x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    q = Point(0)
    return q.x


def unbound_method():
    try:
        r.double()
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    r = 1


print(unbound_attr())
unbound_method()


def missing(o):
    try:
        return o.nope
    except AttributeError as e:
        return f"AttributeError: {e}"


def missing_method(o):
    try:
        return o.nope()
    except AttributeError as e:
        return f"AttributeError: {e}"


for o in (None, 5, "s", Point(1), [1]):
    print(missing(o), "|", missing_method(o))


def builtin_methods(s, items):
    items.append(s.upper())
    return items.count("A"), s.real if isinstance(s, int) else s.lower()


print(builtin_methods("a", ["A"]), builtin_methods("B", []))


def property_and_class_attrs(cls, obj):
    return cls.__name__, obj.__class__.__name__, cls.double(obj)


print(property_and_class_attrs(Point, Point(21)))
