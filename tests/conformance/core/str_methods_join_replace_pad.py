words = ["red", "green", "blue"]
print(", ".join(words), "".join(words), "-".join("abc"), " ".join(str(i) for i in range(5)))
print("a-b-c-d".replace("-", "+"), "a-b-c-d".replace("-", "", 2), "aaa".replace("a", "bb"), "abc".replace("", "."))
print("42".zfill(5), "-42".zfill(5), "+7".zfill(4), "abc".zfill(2), "3.14".zfill(7))
print("[" + "hi".center(8) + "]", "[" + "hi".center(7, "*") + "]", "[" + "odd".center(6) + "]")
print("[" + "hi".ljust(6, ".") + "]", "[" + "hi".rjust(6, ".") + "]", "[" + "toolong".rjust(3) + "]")
print("a\tb\tc".expandtabs(4), "ab" * 3, "-" * 10)
try:
    ", ".join(["a", 1])
except TypeError as e:
    print("TypeError:", e)
print("%s has %d items costing %.2f (%r) %5s|%-5s| 100%%" % ("cart", 3, 9.5, "x", "r", "l"))
print("%x %o %e %05d %+d" % (255, 8, 12345.678, 42, 7), "%(a)s-%(b)s" % {"a": 1, "b": 2})
