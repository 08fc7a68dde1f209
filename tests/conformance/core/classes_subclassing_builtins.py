class Stack(list):
    def push(self, item):
        self.append(item)
    def peek(self):
        return self[-1]
s = Stack([1, 2])
s.push(3)
print(s, len(s), s.peek(), s.pop(), s, isinstance(s, list), type(s).__name__, s == [1, 2], s + [9])
class DefaultDict(dict):
    def __init__(self, factory, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.factory = factory
    def __missing__(self, key):
        value = self[key] = self.factory()
        return value
dd = DefaultDict(list, a=[1])
dd["b"].append(2)
dd["a"].append(3)
print(dd, sorted(dd), len(dd), "b" in dd, dd.get("zz"), dd.factory.__name__)
class Upper(str):
    def shout(self):
        return self.upper() + "!"
u = Upper("hey")
print(u, u.shout(), len(u), u + "you", type(u + "x").__name__, u == "hey", isinstance(u, str), repr(u))
class Meters(float):
    def __repr__(self):
        return f"{float(self)}m"
m = Meters(2.5)
print(m, repr(m), m + 1, m * 2, type(m * 2).__name__, m > 2)
class Count(int):
    pass
c = Count(5)
print(c, c + 1, type(c + 1).__name__, c * c, -c, c == 5, hash(c) == hash(5), str(c), bin(c))
class Tags(set):
    pass
t = Tags(["x", "y"])
t.add("z")
print(len(t), "x" in t, sorted(t), type(t | {"w"}).__name__, sorted(t & {"x", "q"}))
class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
p = Point(3, 4)
print(p, p.x, p[1], len(p), p == (3, 4), type(p).__name__, list(p))
class Base:
    def __init__(self, value):
        self.value = value
    def describe(self):
        return f"{type(self).__name__}({self.value})"
class Child(Base):
    def __init__(self, value, extra):
        super().__init__(value)
        self.extra = extra
    def describe(self):
        return super().describe() + f"+{self.extra}"
print(Child(1, "e").describe(), Base(2).describe(), Child.__mro__[1].__name__, issubclass(Child, Base))
class Registry:
    members = []
    def __init_subclass__(cls, tag="none", **kwargs):
        super().__init_subclass__(**kwargs)
        cls.tag = tag
        Registry.members.append(cls.__name__)
class A(Registry, tag="alpha"):
    pass
class B(A):
    pass
print(Registry.members, A.tag, B.tag)
Dyn = type("Dyn", (Base,), {"extra": 5, "describe": lambda self: "dynamic"})
print(Dyn(1).describe(), Dyn.extra, Dyn.__name__, Dyn.__bases__[0].__name__, type(Dyn(0)).__mro__[-1].__name__)
class Outer:
    class Inner:
        def m(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.m.__qualname__, Outer.Inner.__name__)
