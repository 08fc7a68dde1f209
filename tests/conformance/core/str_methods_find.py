s = "the quick brown fox jumps over the lazy dog"
print(s.find("the"), s.find("the", 1), s.rfind("the"), s.find("cat"), s.find("o", 10, 20))
print(s.index("fox"), s.rindex("o"), s.count("o"), s.count("the"), s.count(""), "aaaa".count("aa"))
print(s.startswith("the"), s.startswith(("a", "t")), s.endswith("dog"), s.endswith("lazy", 0, 39))
print("fox" in s, "cat" not in s, "" in s, s.find(""), "abc".rfind(""))
try:
    s.index("cat")
except ValueError as e:
    print("ValueError:", e)
try:
    s.rindex("zzz")
except ValueError as e:
    print("ValueError:", e)
words = s.split()
print(max(words, key=len), min(words), sorted(words)[:3], len(words))
