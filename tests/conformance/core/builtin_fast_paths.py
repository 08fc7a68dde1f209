# The builtins the fast loop calls without the VM (len, list.append, dict.get, str.upper and
# str.lower), in their common cases and in every case they hand back to the full builtin:
# other types, subclasses, Python-level dunders, wrong argument counts and errors.


class Sized:
    def __len__(self):
        return 7


class MyStr(str):
    pass


class MyList(list):
    def append(self, x):
        super().append(x * 10)


class MyDict(dict):
    def __missing__(self, key):
        return "missing"


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        print("Key.__eq__ called")
        return other == self.n


def lengths():
    items = ["abc", "héllo", b"xyz", [1, 2], (1,), {"a": 1}, {1, 2, 3}, frozenset(), range(5),
             Sized(), MyStr("four"), bytearray(b"ab"), ""]
    out = []
    for x in items:
        out.append(len(x))
    return out


print(lengths())
for bad in [(), (1, 2), (5,), (None,)]:
    try:
        print(len(*bad))
    except TypeError as e:
        print("TypeError", e)


def appends():
    xs = []
    for i in range(5):
        xs.append(i)
    xs.append(xs)
    ys = MyList()
    for i in range(3):
        ys.append(i)
    list.append(ys, 99)
    zs = []
    for z in [zs, ys]:
        z.append("end")
    return xs, ys, zs


print(appends())
for args in [(), (1, 2)]:
    try:
        [].append(*args)
    except TypeError as e:
        print("TypeError", e)
for call in [lambda: list.append((), 1), lambda: list.append(), lambda: list.pop("s"),
             lambda: dict.get([], 1), lambda: dict.get(), lambda: dict.keys(5),
             lambda: dict.__setitem__(5, 1), lambda: dict.__setitem__(),
             lambda: dict.__getitem__(5, 1), lambda: dict.__contains__()]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


def gets():
    d = {"a": 1, 2: "two", 1.5: "float", True: "bool"}
    out = []
    for key in ["a", "b", 2, 3, 1, 1.0, 1.5, MyStr("a"), None]:
        out.append(d.get(key))
        out.append(d.get(key, "default"))
    m = MyDict(x=1)
    out.append(m.get("x"))
    out.append(m.get("y"))
    out.append(dict.get(d, "a"))
    return out


print(gets())
slow = {Key(1): "key one", "s": "str"}
print(slow.get(1), slow.get("s"), slow.get("t"), slow.get(2, "absent"))
plain = {1: "one"}
print(plain.get(Key(1)))
for args in [(), (1, 2, 3)]:
    try:
        {}.get(*args)
    except TypeError as e:
        print("TypeError", e)
try:
    {}.get([])
except TypeError as e:
    print("TypeError", e)


def cases():
    out = []
    for s in ["abc", "MiXeD 123", "straße", "İstanbul", "", MyStr("sub")]:
        u = s.upper()
        lo = s.lower()
        out.append((u, lo, type(u).__name__))
    out.append(str.upper("unbound"))
    return out


print(cases())
for call in [lambda: "a".upper(1), lambda: str.lower(5), lambda: str.upper()]:
    try:
        call()
    except TypeError as e:
        print("TypeError", e)


def shadowed(n):
    total = 0
    for i in range(n):
        total += len("ab")
    return total


print(shadowed(3))
len = lambda x: 100
print(shadowed(3))
del len
print(shadowed(3))


def text_ops():
    out = []
    for s in ["a b  c", "  lead and trail  ", "", "x", "über straße", "a,b,,c", MyStr("p q")]:
        out.append(s.split())
        out.append(s.split(","))
        out.append(s.split("  "))
        out.append(s.count("a"))
        out.append(s.count(""))
        out.append(s.count("ß"))
        out.append(s.replace("a", "4"))
        out.append(s.replace("", "-"))
        out.append(s.replace("ß", "ss"))
    for seq in [["a", "b"], ("x",), [], ["é", "ü"], [MyStr("m"), "n"], ("solo",)]:
        out.append("-".join(seq))
        out.append("".join(seq))
        out.append("ö".join(seq))
    only = "solo"
    out.append("-".join([only]) is only)
    return out


print(text_ops())
for call in [lambda: "a".split(""), lambda: "a b".split(None), lambda: "a".split(5),
             lambda: "-".join([1, "a"]), lambda: "-".join(["a", None]), lambda: "-".join(5),
             lambda: "a".replace("a"), lambda: "a".replace("a", 1), lambda: "a".count(),
             lambda: "a".count(1), lambda: "a,b".split(",", 0), lambda: "abc".count("b", 2)]:
    try:
        print(call())
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
words = ["a"]
print("+".join(words), words.append("b"), "+".join(words))


def ords_and_concats():
    out = []
    acc = ""
    for s in ["a", "é", "😀", "\n", MyStr("z")]:
        out.append(ord(s))
        acc += s
        acc = acc + "-"
        out.append(s + s)
    out.append(acc)
    out.append("" + "")
    return out


print(ords_and_concats())
for call in [lambda: ord(""), lambda: ord("ab"), lambda: ord(b"a"), lambda: ord(5),
             lambda: "a" + 1, lambda: "a" + b"b", lambda: "x" + MyStr("y")]:
    try:
        print(call())
    except TypeError as e:
        print("TypeError", e)
