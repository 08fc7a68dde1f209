def load(key):
    data = {"a": 1}
    try:
        return data[key]
    except KeyError as e:
        raise LookupError(f"cannot load {key}") from e
try:
    load("b")
except LookupError as e:
    print(repr(e), "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("while handling")
except ValueError as e:
    print(repr(e), "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)
try:
    try:
        int("x")
    except ValueError:
        raise RuntimeError("clean") from None
except RuntimeError as e:
    print(repr(e), "| cause:", e.__cause__, "| context:", repr(e.__context__), e.__suppress_context__)
try:
    raise TypeError("t") from ValueError("v")
except TypeError as e:
    print(repr(e.__cause__), e.__context__)
err = None
try:
    raise KeyError("x")
except KeyError as e:
    err = e
print(repr(err), err.__traceback__ is not None)
try:
    raise ValueError
except ValueError as e:
    print(repr(e), e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
