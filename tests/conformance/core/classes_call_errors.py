class A:
    def __init__(self, x):
        self.x = x
    def m(self, y):
        return y
for bad in [lambda: A(), lambda: A(1, 2), lambda: A(1).m(), lambda: A.m(1), lambda: A(x=1, z=2), lambda: object(1), lambda: A(1).nope(), lambda: A.nope, lambda: type("X", (5,), {}), lambda: int.x, lambda: setattr(int, "x", 1), lambda: A(1)(), lambda: len(A(1)), lambda: A(1) < A(2), lambda: -A(1), lambda: A(1) + 1, lambda: hash([]), lambda: iter(A(1)), lambda: A(1)[0]]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__ + ":", e)
class B:
    pass
b = B()
print(type(b).__name__, b.__class__ is B, B.__name__, isinstance(b, B), repr(B)[:15], str(B))
class Meta(type):
    pass
print(type(B), type(type), isinstance(B, type), issubclass(type, object))
