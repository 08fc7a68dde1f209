words = ["", "a", "ab", "abcdefgh", "abcdefghi", "é", "ñandú", "日本語", "😀", "mixed é 日 😀", "x" * 100, "\x00", "ÿ", "Ā"]
for w in words:
    print(repr(w), hash(w), hash(w.encode()))
print({w for w in words})
print(set("the quick brown fox".split()) | {"jumps", "over"})
print(frozenset({"a", "b", "c"}), {("a", 1), ("b", 2)}, {"k": {1, 2}})
