print(type(1), type(1.0), type("s"), type([]), type(()), type({}), type(set()), type(None), type(True))
print(type(range(1)), type(len), type(print), type(lambda: 0), type(type), type(object), type(b""))
def gen():
    yield
class Foo:
    def method(self):
        pass
print(type(gen()), type(Foo), type(Foo()), type(Foo().method), type(Foo.method), type(iter([])), type(slice(1)))
print(type(1).__name__, type(Foo()).__name__, Foo.__name__, type(type(1)).__name__)
print(isinstance(1, int), isinstance(1, (str, float)), isinstance(True, int), isinstance(1.0, int), isinstance("a", object))
print(issubclass(bool, int), issubclass(int, object), issubclass(Foo, object), issubclass(Foo, (int, Foo)))
print(type(1) is int, type(True) == int, int, str, Foo, object, type)
print(isinstance(None, type(None)), isinstance(Foo, type), isinstance([], list), type([]) in (list, tuple))
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
print(len, print, abs)
