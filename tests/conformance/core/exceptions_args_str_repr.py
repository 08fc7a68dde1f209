for exc in [ValueError(), ValueError("one"), ValueError("a", 2), KeyError("k"), KeyError(), KeyError(1, 2), IndexError(0), TypeError(None), Exception([1, 2]), StopIteration(5), SystemExit(3), RuntimeError("")]:
    print(type(exc).__name__, repr(str(exc)), repr(exc), exc.args)
class AppError(Exception):
    def __init__(self, code, message):
        super().__init__(message)
        self.code = code
    def __str__(self):
        return f"[{self.code}] {self.args[0]}"
class Quiet(Exception):
    pass
try:
    raise AppError(404, "not found")
except AppError as e:
    print(e, repr(e), e.code, e.args, isinstance(e, Exception))
try:
    raise Quiet
except Quiet as e:
    print(repr(e), str(e) == "", e.args, type(e).__mro__[1].__name__)
try:
    raise ValueError("bad") from KeyError("cause")
except ValueError as e:
    print(repr(e.__cause__), e.__suppress_context__, e.__context__)
def cleanup():
    try:
        1 / 0
    finally:
        print("finally runs")
try:
    cleanup()
except ZeroDivisionError as e:
    print("caught", e)
try:
    try:
        {}["x"]
    except KeyError:
        raise TypeError("during")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__)
def gen():
    yield 1
    return "done"
g = gen()
next(g)
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    raise SystemExit("bye")
except SystemExit as e:
    print("SystemExit:", e.code, e)
e1 = ValueError("x")
print(e1 == e1, e1 == ValueError("x"), ValueError.__name__, ValueError.__mro__)
try:
    raise TypeError
except Exception as e:
    print(type(e).__name__, repr(e), e.args)
try:
    raise 42
except TypeError as e:
    print("TypeError:", e)
try:
    raise ValueError("x") from 5
except TypeError as e:
    print("TypeError:", e)
class WithArgs(Exception):
    def __init__(self, a, b):
        self.a, self.b = a, b
w = WithArgs(1, 2)
print(repr(w), str(w), w.args, w.a)
e = ValueError("orig")
e.args = ("changed", 1)
print(e, repr(e))
n = KeyError("n")
n.add_note("first note")
n.add_note("second")
print(n.__notes__)
try:
    n.add_note(5)
except TypeError as err:
    print("TypeError:", err)
