import sys
def f():
    try:
        raise ExceptionGroup("eg", [ValueError(1), TypeError(2), OSError(3)])
    except* ValueError as g:
        print("in V", repr(sys.exc_info()[1]))
        raise
    except* TypeError:
        raise KeyError("from clause")
try:
    f()
except BaseException as e:
    print(type(e).__name__, repr(e))
    for x in e.exceptions:
        print(" ", repr(x), repr(x.__context__))
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        print("ok")
    print("after")
except Exception as e:
    print("no", e)
print(sys.exc_info())
