class A:
    def who(self):
        return "A"
    def chain(self):
        return ["A"]
class B(A):
    def who(self):
        return "B"
    def chain(self):
        return ["B"] + super().chain()
class C(A):
    def who(self):
        return "C"
    def chain(self):
        return ["C"] + super().chain()
class D(B, C):
    def chain(self):
        return ["D"] + super().chain()
print([k.__name__ for k in D.__mro__])
print(D().who(), D().chain())
class E(C, B):
    pass
print([k.__name__ for k in E.__mro__], E().who(), E().chain())
class X: pass
class Y: pass
class Z: pass
class K1(X, Y): pass
class K2(Y, Z): pass
class K3(X, Z): pass
class M(K1, K2, K3): pass
print([k.__name__ for k in M.__mro__])
print([k.__name__ for k in M.mro()])
try:
    class Bad(A, B):
        pass
except TypeError as e:
    print("TypeError:", e)
class Mixin:
    def hello(self):
        return "mixin hello, then " + super().hello()
class Greeter:
    def hello(self):
        return "greeter hello"
class Combined(Mixin, Greeter):
    pass
print(Combined().hello(), [k.__name__ for k in Combined.__mro__])
print(object.__mro__[0].__name__, bool.__mro__[1].__name__)
