s = "héllo wörld"
print(len(s), s[0], s[1], s[-1], s[-5], s[6:], s[:5])
print(s[::2], s[::-1], s[1:8:3], s[-3:-1], s[100:], s[-100:2])
e = "naïve 🐍 café"
print(len(e), e[6], e.index("🐍"), e[-4:], [c for c in e if ord(c) > 127])
print(ord("a"), ord("é"), ord("🐍"), chr(97), chr(233), chr(128013))
print(s.upper(), "ÉCOLE".lower(), "ü" < "z", "a" < "b" < "c", "Z" < "a", sorted("bAaB"))
print(list("añb"), "ñ" in s, s.find("ö"), s.encode("utf-8"), len(s.encode("utf-8")))
try:
    print(s[20])
except IndexError as e:
    print("IndexError:", e)
for i, ch in enumerate("añ🐍"):
    print(i, ch, hex(ord(ch)))
