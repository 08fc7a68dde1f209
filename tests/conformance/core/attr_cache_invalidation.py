# Attribute and method look-ups repeated at one call site while the class or the instance
# changes under them: every change must be seen on the next look-up.


class A:
    def m(self):
        return "A.m"


def read(obj):
    return obj.x


def call(obj):
    return obj.m()


a = A()
a.x = 1
print(read(a), call(a))

# A method replaced on the class, then shadowed by the instance, then the shadow removed.
A.m = lambda self: "new A.m"
print(call(a))
a.m = lambda: "instance m"
print(call(a))
del a.m
print(call(a))

# A data descriptor added to the class takes over from the instance attribute.
A.x = property(lambda self: "property x")
print(read(a))
del A.x
print(read(a))

# __getattribute__ added, then removed.
A.__getattribute__ = lambda self, name: "hooked " + name
print(read(a), getattr(a, "anything"))
del A.__getattribute__
print(read(a))

# The same call site sees instances of different classes in turn.
class B:
    x = "B.x class attribute"

    def m(self):
        return "B.m"


b = B()
for obj in [a, b, a, b]:
    print(read(obj), call(obj))
b.x = "b.x instance"
print(read(b))

# Classes made and dropped in a loop: a new class may reuse an old one's memory.
for i in range(5):
    C = type("C", (), {"m": lambda self, i=i: f"C{i}.m"})
    print(call(C()))

# An attribute deleted from the instance falls back to the class, then goes missing.
b2 = B()
b2.x = 5
print(read(b2))
del b2.x
print(read(b2))
del B.x
try:
    read(b2)
except AttributeError as e:
    print("AttributeError", e)


# A subclass sees changes made to its base after a look-up was cached.
class Base:
    def m(self):
        return "Base.m"


class Sub(Base):
    pass


s = Sub()
print(call(s))
Base.m = lambda self: "patched Base.m"
print(call(s))
Sub.m = lambda self: "Sub.m"
print(call(s))
