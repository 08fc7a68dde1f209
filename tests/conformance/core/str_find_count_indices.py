# find/rfind/index/rindex/count/startswith/endswith with start and end (code-point indices).
s = "héllo wörld, héllo 🐍 world"
print(len(s), s.find("héllo"), s.find("héllo", 1), s.rfind("héllo"), s.find("🐍"), s.rfind("o"))
print(s.find("o", 5, 10), s.find("o", -5), s.rfind("o", 0, -7), s.find("o", 100), s.find("", 100), s.find("", 27))
print(s.count("l"), s.count("l", 3), s.count("l", 3, -6), s.count(""), s.count("", 5, 8), s.count("", 30))
print(s.index("w"), s.rindex("w"), s.index("🐍", -10), s.count("o", None, None), s.find("o", None, 5))
print(s.startswith("hé"), s.startswith("llo", 2), s.startswith(("x", "wör"), 6), s.endswith("world"), s.endswith("héllo", 0, 18))
print(s.startswith(""), s.startswith("", 27), s.startswith("", 28), s.endswith(("🐍", "d")), "".endswith(""))
print("aaaa".count("aa"), "aaaa".find("aa", 1), "aaaa".rfind("aa"), "abcabc".rindex("abc", 0, 5))
for bad in [lambda: s.index("xyz"), lambda: s.rindex("x", 0, 3), lambda: s.find(1), lambda: s.count(None),
            lambda: s.find("a", "b"), lambda: s.startswith(1), lambda: s.endswith(("a", 2)),
            lambda: s.find(), lambda: s.find("a", 1, 2, 3), lambda: s.startswith("a", None, None, 1),
            lambda: s.find(sub="a")]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
print(s.endswith(("x", 1)) if False else "skip", "abc".startswith(("a", 1)))
