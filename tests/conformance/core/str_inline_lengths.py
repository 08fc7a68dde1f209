# Strings around 24 bytes, the longest text a str keeps inline: the same text made by
# different routes (split, join, slicing, case mapping, str(int), concatenation) must compare,
# hash and index alike whether it is stored inline or in a buffer of its own.

base = "abcdefghijklmnopqrstuvwxyz0123456789"
for n in (0, 1, 22, 23, 24, 25, 26, 31, 32, 33):
    s = base[:n]
    joined = "".join(list(s))
    split = (" " + s + " ").split()
    word = split[0] if split else ""
    assert s == joined == word, (n, s, joined, word)
    assert hash(s) == hash(joined) == hash(word)
    up = s.upper()
    print(n, len(up), up, up.lower() == s, s[::-1], s[::2], s[1::3], s[-2::-5])
    print(n, repr(s[::-1][::-1] == s), s.upper()[::-1].lower() == s[::-1])
    d = {s: n}
    assert d[joined] == n and d.get(word) == n and joined in d
    print(n, (s + "!")[-1], len(s + s), (s + s)[n:] == s)

for i in (0, 7, -7, 10**18, -(10**18), 2**63 - 1, -(2**63), 2**63, -(2**63) - 1):
    t = str(i)
    print(t, len(t), t[::-1], f"{i}" == t, int(t) == i, {t: 1}.get(repr(i)))

words = "alpha beta-3 gamma DELTA epsilon-epsilon-epsilon-x".split()
print([w.upper() if len(w) > 5 else w[::-1] for w in words])
print("-".join(words).replace("a", "4").split("-"))
print(sorted(set(words + [w.lower() for w in words])))
