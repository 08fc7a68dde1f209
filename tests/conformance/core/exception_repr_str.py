errors = [ValueError("bad value"), KeyError("key"), KeyError(("a", 1)), IndexError(), TypeError("a", 1),
          RuntimeError(""), ZeroDivisionError("division by zero"), StopIteration(5), Exception(None),
          OSError(2, "No such file"), AssertionError(), NameError("name 'x' is not defined"), KeyError(1)]
for e in errors:
    print(repr(e), "|", str(e), "|", e.args)
print([ValueError("in list")], (KeyError("t"),), {"e": TypeError("d")})
print(f"{ValueError('f-string')}", f"{ValueError('f-string')!r}", "%s" % ValueError("pct"))
class MyError(Exception):
    pass
class WithStr(Exception):
    def __str__(self):
        return "custom str"
print(repr(MyError("m")), str(MyError("m")), repr(WithStr("ignored")), str(WithStr("ignored")))
print(repr(MyError()), str(MyError(1, 2)), BaseException("base"))
try:
    raise MyError("raised")
except MyError as e:
    print(type(e).__name__, e, e.args, isinstance(e, Exception))
e = ValueError("x")
e.extra = 42
print(e.extra, e.args)
