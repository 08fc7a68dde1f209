values = [None, 0, 0.0, -0.0, "", " ", [], [0], (), {}, set(), range(0), 1, -1, "False", b"", 0j if False else 0]
for v in values:
    print(repr(v), bool(v), "truthy" if v else "falsy")
print(None is None, None == None, type(None).__name__, repr(None), str(None))
print(True and 5, 0 and 5, "" or "default", "x" or "y", None or 0 or [], not 0, not "a")
print(True + True, True * 3, int(False), isinstance(True, int), issubclass(bool, int), True == 1, True is (1 == 1))
print(bool(None), bool(), bool("0"), bool(0.1), str(True).upper(), repr(False))
def side(x):
    print("eval", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) and side(2) and side(0) and side(3))
