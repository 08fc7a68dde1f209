# An uncaught UnicodeEncodeError ends the program with CPython's message on stderr.
names = ["plain", "naïve"]
for name in names:
    print(name, name.encode("ascii", "replace"), len(name.encode("utf-8")))
print("encoding strictly")
for name in names:
    print(name.encode("ascii"))
