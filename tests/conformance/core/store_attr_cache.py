# Attribute stores on instances go through a per-code cache; every way a class can take over
# `obj.name = v` must still be seen after the cache has warmed up.


class Plain:
    pass


class Descr:
    def __get__(self, obj, typ=None):
        return "descr-get"

    def __set__(self, obj, value):
        print("descr-set", value)


class WithDescr:
    x = Descr()


def store(obj, v):
    obj.x = v


p = Plain()
for i in range(3):
    store(p, i)
print(p.x, p.__dict__)

# Polymorphic site: a data descriptor on one class, a plain store on the other.
w = WithDescr()
for obj in [p, w, p, w]:
    store(obj, "poly")
print(p.x, w.x, w.__dict__)

# A property added to the class after the cache knows it.
Plain.x = property(lambda self: "prop", lambda self, v: print("prop-set", v))
store(p, 10)
print(p.x, p.__dict__)
del Plain.x
store(p, 11)
print(p.x)


# __setattr__ added later.
def tracing_setattr(self, name, value):
    print("setattr", name, value)
    object.__setattr__(self, name, value)


Plain.__setattr__ = tracing_setattr
store(p, 12)
del Plain.__setattr__
store(p, 13)
print(p.x)


# Subclass instance at a warmed site, with a descriptor only in the subclass.
class Sub(Plain):
    x = Descr()


s = Sub()
store(s, 14)
print(s.x, s.__dict__)

# Exceptions keep their own attribute rules; plain attributes still land in their dict.
e = ValueError("boom")
for i in range(2):
    store(e, i)
print(e.x, e.args)
e.__cause__ = KeyError("k")
print(repr(e.__cause__))
try:
    e.__cause__ = 5
except TypeError as err:
    print("TypeError:", err)

# object() has no __dict__.
try:
    store(object(), 1)
except AttributeError as err:
    print("AttributeError:", err)


# __dict__ replaced through the store path.
def set_dict(obj, d):
    obj.__dict__ = d


q = Plain()
set_dict(q, {"y": 1})
print(q.y)
try:
    set_dict(q, 5)
except TypeError as err:
    print("TypeError:", err)
try:
    e.__context__ = "text"
except TypeError as err:
    print("TypeError:", err)
e.__context__ = None
print(e.__context__, e.__cause__ is not None, e.__suppress_context__)
