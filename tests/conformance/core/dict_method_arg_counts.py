# dict methods reject wrong argument counts and keywords with CPython's messages.


class D(dict):
    pass


def attempt(name, f):
    try:
        print(name, "->", f())
    except (TypeError, KeyError) as e:
        print(name, "->", type(e).__name__, e)


for d in [{1: 2}, D({1: 2})]:
    print(type(d).__name__)
    attempt("get()", lambda: d.get())
    attempt("get(1, 2, 3)", lambda: d.get(1, 2, 3))
    attempt("get(key=1)", lambda: d.get(key=1))
    attempt("get(1, default=2)", lambda: d.get(1, default=2))
    attempt("get(1)", lambda: d.get(1))
    attempt("get(5)", lambda: d.get(5))
    attempt("get(5, 'x')", lambda: d.get(5, "x"))
    attempt("pop()", lambda: d.pop())
    attempt("pop(1, 2, 3)", lambda: d.pop(1, 2, 3))
    attempt("pop(key=1)", lambda: d.pop(key=1))
    attempt("pop(5, 'x')", lambda: d.pop(5, "x"))
    attempt("pop(5)", lambda: d.pop(5))
    attempt("setdefault()", lambda: d.setdefault())
    attempt("setdefault(1, 2, 3)", lambda: d.setdefault(1, 2, 3))
    attempt("setdefault(key=1)", lambda: d.setdefault(key=1))
    attempt("setdefault(7)", lambda: d.setdefault(7))
    attempt("setdefault(8, 9)", lambda: d.setdefault(8, 9))
    attempt("popitem(1)", lambda: d.popitem(1))
    attempt("popitem(x=1)", lambda: d.popitem(x=1))
    attempt("keys(1)", lambda: d.keys(1))
    attempt("keys(x=1)", lambda: d.keys(x=1))
    attempt("keys(1, x=1)", lambda: d.keys(1, x=1))
    attempt("values(1)", lambda: d.values(1))
    attempt("values(x=1)", lambda: d.values(x=1))
    attempt("items(1)", lambda: d.items(1))
    attempt("items(x=1)", lambda: d.items(x=1))
    attempt("clear(1)", lambda: d.clear(1))
    attempt("clear(x=1)", lambda: d.clear(x=1))
    attempt("copy(1)", lambda: d.copy(1))
    attempt("copy(x=1)", lambda: d.copy(x=1))
    attempt("__getitem__()", lambda: d.__getitem__())
    attempt("__getitem__(1, 2)", lambda: d.__getitem__(1, 2))
    attempt("__getitem__(x=1)", lambda: d.__getitem__(x=1))
    attempt("__setitem__(1)", lambda: d.__setitem__(1))
    attempt("__setitem__(1, 2, 3)", lambda: d.__setitem__(1, 2, 3))
    attempt("__setitem__(1, 2, x=1)", lambda: d.__setitem__(1, 2, x=1))
    attempt("__contains__()", lambda: d.__contains__())
    attempt("__contains__(1, 2)", lambda: d.__contains__(1, 2))
    attempt("__contains__(x=1)", lambda: d.__contains__(x=1))
    attempt("update({}, {})", lambda: d.update({}, {}))
    attempt("update(z=1)", lambda: d.update(z=1))
    attempt("__setitem__(3, 4)", lambda: d.__setitem__(3, 4))
    attempt("__getitem__(3)", lambda: d.__getitem__(3))
    attempt("__contains__(3)", lambda: d.__contains__(3))
    print(sorted(d.items(), key=repr), d.popitem(), d.copy() == d, d.clear(), d)

attempt("fromkeys()", lambda: dict.fromkeys())
attempt("fromkeys(1, 2, 3)", lambda: dict.fromkeys(1, 2, 3))
attempt("fromkeys(x=1)", lambda: dict.fromkeys(x=1))
attempt("fromkeys([1], value=2)", lambda: dict.fromkeys([1], value=2))
attempt("fromkeys([1, 2])", lambda: dict.fromkeys([1, 2]))
attempt("fromkeys('ab', 0)", lambda: dict.fromkeys("ab", 0))


def nested():
    class Inner(dict):
        pass

    attempt("Inner().keys(1)", lambda: Inner().keys(1))
    attempt("Inner().popitem(1)", lambda: Inner().popitem(1))


nested()
