class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))
    def __repr__(self):
        return "v" + ".".join(map(str, self.parts))
    def __eq__(self, other):
        print(f"  {self!r} == {other!r}")
        return self.parts == other.parts
    def __lt__(self, other):
        return self.parts < other.parts
    def __le__(self, other):
        return self.parts <= other.parts
versions = [Version(s) for s in ["1.10.0", "1.2.0", "1.2", "0.9.9"]]
print(sorted(versions), max(versions), min(versions))
a, b = Version("2.0"), Version("10.0")
print(a < b, a > b, a <= b, a >= b)
print(a != b)
print(a == Version("2.0"))
class Reverse:
    def __init__(self, n):
        self.n = n
    def __gt__(self, other):
        print("  __gt__ called")
        return self.n > other.n
x, y = Reverse(1), Reverse(2)
print(x < y)
try:
    print(x <= y)
except TypeError as e:
    print("TypeError:", e)
class NoEq:
    pass
p, q = NoEq(), NoEq()
print(p == p, p == q, p != q)
class AlwaysEqual:
    def __eq__(self, other):
        return True
print(AlwaysEqual() == 1, 1 == AlwaysEqual(), AlwaysEqual() != 1, [1, 2].count(AlwaysEqual()))
