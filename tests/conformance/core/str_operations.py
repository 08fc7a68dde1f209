a, b = "spam", "eggs"
print(a + b, a * 3, 3 * b, a * 0 == "", a * -1 == "")
print(a == "spam", a != b, a < b, "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a")
print(min("hello"), max("hello"), sorted("hello"), "".join(sorted("hello", reverse=True)))
print(str(42), str(3.5), str(None), str(True), str([1, "a"]), str((1,)), str({}))
print(len(""), len("four"), bool(""), bool(" "), "x" if "" else "empty")
s = "abc"
s += "def"
print(s, s[1:4], s.upper()[::-1], "a" in s, s.count("a"))
print(list(map(str.upper, ["a", "b"])), "".join(reversed("stressed")))
try:
    s[0] = "X"
except TypeError as e:
    print("TypeError:", e)
try:
    print("n = " + 5)
except TypeError as e:
    print("TypeError:", e)
try:
    print("a" < 1)
except TypeError as e:
    print("TypeError:", e)
try:
    print("abc" * 2.0)
except TypeError as e:
    print("TypeError:", e)
