print(int("42"), int(" -7 "), int(3.99), int("101", 2), int(True), int(), float(), str(), bool(), list(), tuple(), dict())
print(float("3.5"), float(" -2 "), float(7), float("1e-3"), float("inf"), float(True))
print(str(12), str(1.0), str(-0.5), str([1, "a"]), str({"k": (1,)}), str(b"x"), str(None))
print(bool(0), bool(1), bool(""), bool("0"), bool([]), bool([[]]), bool(None), bool(0.0))
print(list("abc"), list((1, 2)), list({3: 4}), list(range(3)), list({"a": 1}.items()))
print(tuple([1, 2]), tuple("hi"), dict([("a", 1), ["b", 2]]), dict(x=1), dict(zip("ab", [1, 2])))
print(set([3, 1, 3]), frozenset([2, 2]), sorted(set("hello")), set(), frozenset())
print(chr(65), ord("A"), hex(255), oct(255), bin(255), hex(0), bin(-3))
print(repr(1), repr("1"), repr(1.0), repr([1, "1"]), ascii("é"), repr(True))
print(int("  12_345  "), float("1_0.5"), int("-0"), float("-0"))
for bad in [lambda: int("1.5"), lambda: float("x"), lambda: int(None), lambda: dict([1, 2]), lambda: list(5), lambda: float([])]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
