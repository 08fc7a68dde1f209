# Strings written in pieces into a result of a size counted first (concatenation, f-strings,
# join, replace): results just under, at and over 24 bytes (the longest text a str keeps
# inline), non-ASCII pieces, and the counts and limits of replace.

base = "abcdefghijklmnopqrstuvwxyz0123456789"
for n in (0, 1, 11, 12, 13, 23, 24, 25, 40):
    a, b = base[: n // 2], base[n // 2 : n]
    s = a + b
    f = f"{a}{b}"
    g = f"{a}-{n}-{b}é"
    j = "".join([a, b])
    print(n, s == f == j == base[:n], len(g), g, hash(s) == hash(f) == hash(j))
    print(n, {s: 1}.get(f), g[-1], g[len(a)], (g + g)[len(g) :] == g)

words = ["ab", "é€", "😀", "", "xyz" * 9]
for sep in ("", "-", "→", ", "):
    for k in range(len(words) + 1):
        t = sep.join(words[:k])
        print(repr(sep), k, len(t), t, t[::-1][::-1] == t, t[-1:] if t else None)

line = "item7 alpha BETA-3 ammag delta ALPHA"
for old, new in (("A", "4"), ("A", ""), ("A", "44"), ("a", "→"), ("", "."), ("ALPHA", "z"), ("q", "Q")):
    for count in (-1, 0, 1, 2, 100):
        r = line.replace(old, new, count)
        print(repr(old), repr(new), count, len(r), r)
print("é€é".replace("€", "e"), len("é€é".replace("é", "")), "😀a😀".replace("😀", "b", 1))
print("".replace("", "x"), "abc".replace("", "-"), "abc".replace("", "-", 2), "aaa".replace("a", "b", -5))
print(base[:24].replace("z", "Z"), base[:25].replace("y", "YY"), base[:23].replace("a", "12"))

try:
    ("a" * 1_000_000).replace("a", "b" * 10_000_000)
except MemoryError as e:
    print("MemoryError", repr(str(e)))
big = ("ab" * 1000).replace("a", "xy" * 1000)
print(big[:5], big[-3:], len(big))
