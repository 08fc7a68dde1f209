# str.format: field names, auto/manual numbering, conversions, nested specs, format_map, errors.
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __format__(self, spec):
        return f"<{self.x:{spec}},{self.y:{spec}}>"
p = Point(3, 4)
print("{} {} {}".format(1, "a", None), "{0} {1} {0}".format("x", "y"), "{name}-{n:03d}".format(name="id", n=7))
print("{0.x} {0.y} {p.x}".format(p, p=p), "{0[1]} {0[-1]}".format({1: "one", "-1": "neg"}), "{0[a]}".format({"a": 5}))
print("{[0]} {[1][0]}".format(["first"], [0, ["deep"]]), "{.real}".format(7), "{0!r} {0!s} {0!a}".format("é"))
print("{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "mid"), "{:+d} {: d} {:,} {:_x}".format(5, 5, 1234567, 65535))
print("{:{}{}}".format(3.14159, ".", "3"), "{0:{w}.{p}f}".format(2.71828, w=10, p=2), "{:{fill}>{width}}".format("x", fill="-", width=4))
print("{:6.2%} {:e} {:g} {:#x} {:#o} {:#b} {:c}".format(0.256, 1234.5, 0.00001, 255, 8, 5, 9731))
print("{}".format(p), "{:02d}".format(p), "{!r:>12}".format(p), "{{literal}} {{{}}}".format("x"), "}}{{".format())
print("{a}{b}".format_map({"a": 1, "b": 2}), "{0}".format(*"xyz"), "{x}".format(**{"x": "kw"}))
class Lookup:
    def __getitem__(self, key):
        return key.upper()
print("{known} and {other}".format_map(Lookup()))
for bad in ["{", "}", "{0", "{0!}", "{0!x}", "{0!rr}", "{0:{1:{2}}}", "{0[}", "{0.}", "{0[]}", "{0[0]x}", "{a{b}",
            "{} {0}", "{0} {}", "{5}", "{missing}", "{:d}", "{:,s}", "{0:=}", "{!", "{:}}"]:
    try:
        print(repr(bad), bad.format("s", 1, 2))
    except (ValueError, IndexError, KeyError, TypeError) as e:
        print(repr(bad), type(e).__name__ + ":", e)
for bad in [lambda: "{0.nope}".format(1), lambda: "{0[5]}".format([1]), lambda: "{x}".format_map([]),
            lambda: "{}".format_map({}), lambda: "a".format_map(), lambda: "{0:x}".format("s"), lambda: "{:z}".format(1.5)]:
    try:
        print(bad())
    except (ValueError, IndexError, KeyError, TypeError, AttributeError) as e:
        print(type(e).__name__ + ":", e)
