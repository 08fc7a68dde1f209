# str(object, encoding, errors) decodes a bytes-like object through the codecs, exactly as
# bytes.decode does; without encoding and errors it is the object's str().


def attempt(name, f):
    try:
        print(name, "->", repr(f()))
    except (TypeError, LookupError, UnicodeDecodeError) as e:
        print(name, "->", type(e).__name__, e)


class B(bytes):
    pass


class S(str):
    pass


attempt("str(b'abc')", lambda: str(b"abc"))
attempt("str(bytearray(b'hi'))", lambda: str(bytearray(b"hi")))
attempt("str(b'abc', 'utf-8')", lambda: str(b"abc", "utf-8"))
attempt("str(b'caf\\xc3\\xa9', 'utf-8')", lambda: str(b"caf\xc3\xa9", "utf-8"))
attempt("str(b'\\xff', 'utf-8')", lambda: str(b"\xff", "utf-8"))
attempt("str(b'ab\\xc3', 'utf-8')", lambda: str(b"ab\xc3", "utf-8"))
attempt("str(b'a\\xffb', 'utf-8', 'strict')", lambda: str(b"a\xffb", "utf-8", "strict"))
attempt("str(b'a\\xffb', 'utf-8', 'replace')", lambda: str(b"a\xffb", "utf-8", "replace"))
attempt("str(b'a\\xffb', 'utf-8', 'ignore')", lambda: str(b"a\xffb", "utf-8", "ignore"))
attempt("str(b'a\\xffb', 'utf-8', 'backslashreplace')", lambda: str(b"a\xffb", "utf-8", "backslashreplace"))
attempt("str(b'a\\xffb', errors='replace')", lambda: str(b"a\xffb", errors="replace"))
attempt("str(b'a\\xffb', errors='strict')", lambda: str(b"a\xffb", errors="strict"))
attempt("str(b'\\xe9t\\xe9', 'latin-1')", lambda: str(b"\xe9t\xe9", "latin-1"))
attempt("str(b'\\xe9', 'ascii')", lambda: str(b"\xe9", "ascii"))
attempt("str(b'x\\xe9y', 'ascii', 'replace')", lambda: str(b"x\xe9y", "ascii", "replace"))
attempt("str(b'x\\xe9y', 'ASCII', 'ignore')", lambda: str(b"x\xe9y", "ASCII", "ignore"))
attempt("str(b'\\xff\\xfea\\x00', 'utf-16')", lambda: str(b"\xff\xfea\x00", "utf-16"))
attempt("str(b'x', 'UTF8')", lambda: str(b"x", "UTF8"))
attempt("str(bytearray(b'hi'), 'utf-8')", lambda: str(bytearray(b"hi"), "utf-8"))
attempt("str(bytearray(b'\\xff'), 'utf-8')", lambda: str(bytearray(b"\xff"), "utf-8"))
attempt("str(B(b'sub'), 'ascii')", lambda: str(B(b"sub"), "ascii"))
attempt("str(object=b'x', encoding='ascii')", lambda: str(object=b"x", encoding="ascii"))
attempt("str(b'abc', encoding='utf-8', errors='strict')", lambda: str(b"abc", encoding="utf-8", errors="strict"))
attempt("str(encoding='utf-8')", lambda: str(encoding="utf-8"))
attempt("str(errors='x')", lambda: str(errors="x"))
attempt("str(b'a', 'nope')", lambda: str(b"a", "nope"))
attempt("str(b'a\\xff', 'utf-8', 'nope')", lambda: str(b"a\xff", "utf-8", "nope"))
attempt("str('abc', 'utf-8')", lambda: str("abc", "utf-8"))
attempt("str(S('abc'), 'utf-8')", lambda: str(S("abc"), "utf-8"))
attempt("str(5, 'utf-8')", lambda: str(5, "utf-8"))
attempt("str(None, 'utf-8')", lambda: str(None, "utf-8"))
attempt("str([], errors='strict')", lambda: str([], errors="strict"))
attempt("str(b'a', 1)", lambda: str(b"a", 1))
attempt("str(b'a', 'utf-8', 2)", lambda: str(b"a", "utf-8", 2))
attempt("str(5, 1)", lambda: str(5, 1))
attempt("str(b'a', S('ascii'), S('strict'))", lambda: str(b"a", S("ascii"), S("strict")))
attempt("str(b'a', 'utf-8', 'strict', 4)", lambda: str(b"a", "utf-8", "strict", 4))

s = S(b"made", "ascii")
print(type(s).__name__, s, s == "made")

# Same results and errors as bytes.decode.
for data in [b"ok", b"\xc3\xa9", b"\xff\xfe", b"a\x80b\xc0"]:
    for enc in ["utf-8", "latin-1", "ascii"]:
        for err in ["strict", "replace", "ignore"]:
            try:
                a = str(data, enc, err)
            except UnicodeDecodeError as e:
                a = ("error", str(e), e.start, e.end, e.encoding)
            try:
                b = data.decode(enc, err)
            except UnicodeDecodeError as e:
                b = ("error", str(e), e.start, e.end, e.encoding)
            print(data, enc, err, a == b, a)

try:
    str(b"ab\xffcd", "utf-8")
except UnicodeDecodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
