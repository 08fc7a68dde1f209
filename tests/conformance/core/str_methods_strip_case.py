s = "  \t Hello, World!  \n"
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print("xxhixx".strip("x"), "www.example.com".strip("cmowz."), "abcba".lstrip("ab"), "abcba".rstrip("ab"))
t = "hello wORLD, it's a tEST"
print(t.upper(), "|", t.lower(), "|", t.title(), "|", t.capitalize(), "|", t.swapcase())
print("ß".upper(), "Straße".casefold(), "ǅ".lower(), "İ".lower() == "i̇")
print("hello world".title(), "HELLO".capitalize(), "3rd place".title(), "o'neil mc-d".title())
print("prefix_name".removeprefix("prefix_"), "file.txt".removesuffix(".txt"), "abc".removeprefix("x"))
