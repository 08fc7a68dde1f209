eg = ExceptionGroup("batch", [ValueError(1), TypeError(2), ExceptionGroup("inner", [ValueError(3), KeyError(4)])])
print(repr(eg), str(eg), eg.message, len(eg.exceptions), type(eg.exceptions).__name__)
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, LookupError))))
print(eg.subgroup(OSError), repr(eg.split((TypeError, KeyError))[0]))
full, none = eg.split(Exception)
print(full is eg, none)
derived = eg.derive([ValueError(9)])
print(repr(derived), type(derived).__name__)
beg = BaseExceptionGroup("base", [KeyboardInterrupt(), ValueError(1)])
print(type(beg).__name__, repr(beg), isinstance(beg, Exception))
only_exc = BaseExceptionGroup("plain", [ValueError(1)])
print(type(only_exc).__name__, isinstance(only_exc, Exception))
for bad in [lambda: ExceptionGroup("m", []), lambda: ExceptionGroup("m", [1]), lambda: ExceptionGroup("m", ValueError()), lambda: ExceptionGroup("m", [KeyboardInterrupt()]), lambda: ExceptionGroup(1, [ValueError()])]:
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__ + ":", e)
try:
    eg.split(5)
except TypeError as e:
    print("TypeError:", e)
try:
    raise ExceptionGroup("top", [ValueError("a"), TypeError("b")])
except* ValueError as group:
    print("caught values:", repr(group.exceptions))
except* TypeError as group:
    print("caught types:", repr(group.exceptions))
try:
    raise KeyError("solo")
except* KeyError as group:
    print("wrapped:", repr(group), type(group).__name__)
try:
    try:
        raise ValueError("x")
    except* ExceptionGroup:
        pass
except TypeError as e:
    print("TypeError:", e)
