# str.replace: results counted and written in place, and the string itself back when nothing
# changes (no match, count 0, old == new), as CPython returns it.
cases = [("hello world", "o", "0"), ("hello", "", "-"), ("héllo wörld", "ö", "oe"), ("aaaa", "aa", "b"),
         ("abc", "", ""), ("", "", "x"), ("", "a", "b"), ("ééé", "é", ""), ("x" * 40, "x", "yy"),
         ("abcabc", "abc", "é"), ("日本語日本語", "本", "ほん"),
         ("é-é-é-é", "-", "+"), ("a-b-c", "-", "-"), ("x.y.z", ".", "日")]
for s, a, b in cases:
    for n in (-1, 0, 1, 2, 100):
        r = s.replace(a, b, n)
        print(repr(r), len(r), r is s, hash(r) == hash(str(list(r) and "".join(list(r)))), r[::-1][:3])
s = "some text here"
print(s.replace("zz", "q") is s, s.replace("t", "t") is s)
class S(str):
    pass
t = S("abcabc")
print(type(t.replace("b", "x")), type(t.replace("q", "x")), t.replace("q", "x"))
