class Config:
    debug = False
    def __init__(self):
        self.level = 3
    @property
    def broken(self):
        raise AttributeError("no broken today")
    @property
    def boom(self):
        raise ValueError("kaboom")
c = Config()
print(getattr(c, "level"), getattr(c, "missing", "dflt"), getattr(Config, "debug"), hasattr(c, "broken"), hasattr(c, "level"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    hasattr(c, "boom")
except ValueError as e:
    print("ValueError:", e)
try:
    getattr(c, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    getattr(c)
except TypeError as e:
    print("TypeError:", e)
setattr(c, "level", 7)
setattr(c, "fresh", [1])
print(c.level, c.fresh, sorted(vars(c)))
delattr(c, "fresh")
try:
    delattr(c, "fresh")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    [].foo
except AttributeError as e:
    print("AttributeError:", e)
try:
    Config.nothing
except AttributeError as e:
    print("AttributeError:", e)
print(isinstance(3, int), isinstance(True, int), isinstance(3, (str, float)), isinstance("s", (int, (list, str))), isinstance(c, object))
print(issubclass(bool, int), issubclass(int, bool), issubclass(Config, (int, object)), issubclass(KeyError, LookupError))
try:
    isinstance(3, "int")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(3, int)
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(int, 3)
except TypeError as e:
    print("TypeError:", e)
print(callable(c), callable(Config), callable(print), callable(lambda: 0), callable("s"), callable(c.__init__))
print(type(c) is Config, type(Config) is type, type(type), type(None).__name__, type(print).__name__, type(c.__init__).__name__)
print(type(len).__name__, type([].append).__name__, type(Config.__init__).__name__, type(property()).__name__)
print(id(c) == id(c), hash(c) == hash(c), c == c, c != Config(), bool(c))
print(getattr(Config, "__name__"), Config.__qualname__, Config.__module__, c.__class__.__name__, Config.__bases__)
