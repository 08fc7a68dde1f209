# Subclasses of str keep str's behaviour: operators, methods, formatting, hashing, comparisons.
class Tag(str):
    def shout(self):
        return self.upper() + "!"

t = Tag("héllo")
print(t, repr(t), str(t), len(t), t[1], t[-1], t[1:3], t.shout(), type(t).__name__, type(t.upper()).__name__)
print(t + " x", "x " + t, t * 2, 2 * t, "é" in t, t == "héllo", t < "z", hash(t) == hash("héllo"), {t: 1}["héllo"])
print(t.split("l"), t.find("l"), t.count("l"), t.replace("l", "L"), t.center(9, "*"), t.encode(), t.startswith("hé"))
print(f"{t}", f"{t:>8}", "{}|{!r}".format(t, t), "%s|%r|%5s" % (t, t, Tag("ab")), format(t, "^9"), "-".join([t, Tag("b")]))
print(sorted([Tag("b"), "a", Tag("c")]), max(Tag("x"), "y"), Tag("  pad ").strip(), Tag("a,b").partition(","), list(Tag("ab")))
print(isinstance(t, str), issubclass(Tag, str), str(Tag(5)), Tag() == "", bool(Tag("")), int(Tag("42")) + 1, float(Tag("2.5")))
print(str.upper(t), str.__len__(t), str.__getitem__(t, 0), str.__add__(t, "!"), t.__contains__("h"), t.__mul__(2), t.__eq__("héllo"))
class Word(str):
    def __new__(cls, text):
        return super().__new__(cls, text.strip().lower())
    def __len__(self):
        return 99
w = Word("  MiXeD  ")
print(w, len(w), w.title(), w == "mixed", repr(w))
try:
    str.upper(5)
except TypeError as e:
    print("TypeError:", e)
try:
    t + 5
except TypeError as e:
    print("TypeError:", type(e).__name__)
