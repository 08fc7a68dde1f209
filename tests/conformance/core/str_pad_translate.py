# Padding, zfill, expandtabs, replace, translate/maketrans, removeprefix/removesuffix, join.
for w in [0, 3, 4, 7, 8]:
    print(repr("abc".center(w)), repr("abc".center(w, "*")), repr("ab".center(w, "-")), repr("é".ljust(w, "·")), repr("é".rjust(w)))
print("42".zfill(6), "-42".zfill(6), "+42".zfill(2), "".zfill(3), "-".zfill(3), "abc".zfill(5), "١٢".zfill(4))
print(repr("a\tbc\tdef\tg".expandtabs()), repr("a\tb\n\tc".expandtabs(4)), repr("\t".expandtabs(0)), repr("ab\r\tc".expandtabs(3)))
print("aaaa".replace("a", "b", 2), "aaaa".replace("aa", "x"), "abc".replace("", "-"), "abc".replace("", "-", 2), "abc".replace("x", "y"))
print("banana".replace("an", "AN", -1), "banana".replace("a", "", 0), "ééé".replace("é", "e", 1))
table = str.maketrans("abc", "xyz", "d")
print(sorted(table.items()), "aabbccdd".translate(table))
print("hello".translate({ord("l"): None, ord("h"): "J", ord("o"): 48}), "hello".translate(str.maketrans({"e": "3", "o": None})))
print("abc".translate({}), "abc".translate([None, None, "x"] * 40), "abc".translate({97: "AA"}))
print("prefix_name".removeprefix("prefix_"), "name.txt".removesuffix(".txt"), "name".removeprefix("x"), "aa".removesuffix(""))
print("-".join("abc"), "".join([]), ", ".join(map(str, range(5))), "é".join(["a", "b"]), "ab".join(("x",)))
for bad in [lambda: "a".center(5, "ab"), lambda: "a".center(5, 1), lambda: "a".ljust("5"), lambda: "a".zfill(),
            lambda: "a".replace("a"), lambda: "a".replace(1, "b"), lambda: "a".replace("a", "b", 1.5),
            lambda: "a".translate({97: 1.5}), lambda: str.maketrans("ab", "c"), lambda: str.maketrans({"ab": 1}),
            lambda: str.maketrans(1), lambda: "a".removeprefix(1), lambda: "-".join([1, 2]), lambda: "-".join(5),
            lambda: "a".expandtabs("x"), lambda: "a".rjust(2, fillchar="x"), lambda: "a".upper(1)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
