# Case mappings and predicates on non-ASCII text, as CPython's Unicode database defines them.
words = ["straße", "ǆemal", "ΣΊΣΥΦΟΣ", "ὈΔΥΣΣΕΎΣ", "İstanbul", "ﬁne ﬂour", "Ωmega", "ǅ", "ŉ", "ß", "hello WORLD 3rd o'neil"]
for w in words:
    print(w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), w.casefold(), sep=" | ")
print("ΣΑΣ ΣΑΣ.".lower(), "AΣ'Σ".lower(), "Σ".lower(), "aΣb".lower(), "ΑΣ1".lower())
print([c.isupper() for c in "AaǅΣ1"], [c.islower() for c in "AaǅΣ1"], [c.istitle() for c in "Aǅa"])
print("Hello World".istitle(), "Hello world".istitle(), "HeLLo".istitle(), "ǅungla".istitle(), "123".istitle())
tests = ["123", "١٢٣", "²³", "½", "Ⅻ", "abc", "ÀÉÎ", "a1", "", " \t\n\x1c\x85\u3000", "\u200b", "x y", "_x1", "1x", "é_ü", "\x00"]
for t in tests:
    print(repr(t), t.isdecimal(), t.isdigit(), t.isnumeric(), t.isalpha(), t.isalnum(), t.isspace(),
          t.isidentifier(), t.isprintable(), t.isascii())
print("ǈ".upper(), "ǈ".lower(), "ǈ".title(), "ǈ".isupper(), "ǈ".islower(), "ǈ".istitle())
print("ﬃ".upper(), len("ﬃ".upper()), "ΐ".upper(), "İ".lower(), len("İ".lower()))
print(sorted(["b", "A", "a", "B", "é", "E"], key=str.casefold), "Straße".casefold() == "STRASSE".casefold())
