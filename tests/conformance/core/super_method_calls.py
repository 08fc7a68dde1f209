# `super().name(...)` runs without making a `super` object when it can; every other shape of
# super() call must behave as CPython's.


class A:
    def hello(self, x):
        return f"A.hello({type(self).__name__}, {x})"

    @classmethod
    def make(cls):
        return f"A.make({cls.__name__})"

    @staticmethod
    def static(x):
        return f"A.static({x})"

    @property
    def prop(self):
        return "A.prop"

    value = 10

    def __repr__(self):
        return "A()"


class B(A):
    def hello(self, x):
        return "B>" + super().hello(x)

    def others(self):
        return [super().make(), super().static(1), super().prop, super().value, super().__repr__()]

    @classmethod
    def make(cls):
        return "B>" + super().make()


class C(B):
    def hello(self, x):
        return "C>" + super().hello(x + 1)


print(C().hello(1), B().hello(2))
print(B().others())
print(B.make(), C.make())
try:
    B().missing()
except AttributeError as e:
    print("AttributeError:", e)


class D(A):
    def __init__(self, v):
        super().__init__()
        self.v = v

    def __new__(cls, *args):
        obj = super().__new__(cls)
        return obj

    def __eq__(self, other):
        return super().__eq__(other)


d = D(3)
print(d.v, d == d, d == D(3))


def not_a_method():
    return super().hello(1)


try:
    not_a_method()
except RuntimeError as e:
    print("RuntimeError:", e)


class E(A):
    def hello(self, x):
        del self
        return super().hello(x)


try:
    E().hello(1)
except RuntimeError as e:
    print("RuntimeError:", e)


class Shadow(A):
    def hello(self, x):
        super = lambda: A()  # a local `super`: called, then the attribute looked up
        return "Shadow>" + super().hello(x)


print(Shadow().hello(5))


class F(A):
    def hello(self, x):
        return "F>" + super().hello(x)


f = F()
f.hello = lambda x: "instance attribute"
print(f.hello(1), F.hello(f, 2))


def late_hello(self, x):
    return "late"


A.hello = late_hello
print(C().hello(1))


class G(A):
    def hello(self, x):
        return [super(G, self).hello(x), super().hello(x)]


print(G().hello(9))


class Odd:
    def method(self):
        return super().__init_subclass__()


print(Odd().method())


class Star:
    def m(*args):
        return super().__repr__()


try:
    Star().m()
except RuntimeError as e:
    print("RuntimeError:", e)


def outside(x):
    return super().hello(x)


try:
    outside(1)
except RuntimeError as e:
    print("RuntimeError:", e)
