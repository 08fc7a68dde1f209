eg = ExceptionGroup("batch failed", [ValueError("bad 1"), TypeError("bad type"), ValueError("bad 2")])
print(repr(eg))
print(str(eg), len(eg.exceptions), eg.message)
try:
    raise eg
except* ValueError as group:
    print("ValueError group:", repr(group))
    print([str(e) for e in group.exceptions])
except* TypeError as group:
    print("TypeError group:", group.exceptions)
match, rest = eg.split(ValueError)
print(repr(match), repr(rest))
print(repr(eg.subgroup(TypeError)), eg.subgroup(KeyError))
nested = ExceptionGroup("outer", [KeyError("k"), ExceptionGroup("inner", [ValueError("v")])])
try:
    raise nested
except* KeyError as g:
    print("KeyError part:", repr(g))
except* ValueError as g:
    print("ValueError part:", repr(g))
try:
    try:
        raise ExceptionGroup("two", [ValueError(1), OSError(2)])
    except* ValueError:
        print("handled the ValueError only")
except ExceptionGroup as rest:
    print("rest re-raised:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", repr(g))
bg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(bg).__name__, type(BaseExceptionGroup("e", [ValueError()])).__name__)
try:
    ExceptionGroup("empty", [])
except ValueError as e:
    print("ValueError:", e)
