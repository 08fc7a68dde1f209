for s in ["plain", "it's", 'say "hi"', "both ' and \"", "new\nline", "tab\there",
          "back\\slash", "", " ", "é ü 中", "\x00\x1f", "emoji 🐍", "\\n"]:
    print(repr(s), str(s) == s, len(s))
print(["a", 'b"c', "d'e"], ("x",), {"k": "it's"})
print(str(["a"]), repr(["a"]), str("a"), repr(repr("a")))
