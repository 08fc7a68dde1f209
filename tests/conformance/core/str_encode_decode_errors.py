# Encodings and error handlers for str.encode / bytes.decode, and the Unicode error messages.
s = "naïve café €5 😀"
for enc in ["utf-8", "UTF8", "latin-1", "ascii", "utf-16-le", "utf-16-be", "utf-32-le"]:
    for errors in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace"]:
        try:
            print(enc, errors, s.encode(enc, errors))
        except UnicodeEncodeError as e:
            print(enc, errors, "UnicodeEncodeError:", e, e.start, e.end, e.reason)
print(s.encode("utf-16")[:2], len(s.encode("utf-32")), s.encode("utf-16").decode("utf-16") == s)
data = b"ok \xc3\xa9 \xff\xfe end \xe2\x82"
for errors in ["strict", "ignore", "replace", "backslashreplace"]:
    try:
        print(errors, repr(data.decode("utf-8", errors)))
    except UnicodeDecodeError as e:
        print(errors, "UnicodeDecodeError:", e, e.start, e.end, e.reason)
for bad in [b"\xc3", b"\xe2\x98", b"\xc3\x28", b"\xe2\x82\x28", b"\xed\xa0\x80", b"\xf4\x90\x80\x80", b"\xc0\xaf", b"a\x80b"]:
    try:
        print(bad.decode())
    except UnicodeDecodeError as e:
        print("UnicodeDecodeError:", e)
print(b"\xe9t\xe9".decode("latin-1"), b"caf\xc3\xa9".decode("ascii", "replace"), b"\xff".decode("ascii", "ignore") == "")
print(bytes("é€", "utf-8"), bytes("abc", encoding="ascii"), str(b"caf\xc3\xa9", "utf-8"), str(b"x\xffy", "utf-8", "replace"))
for bad in [lambda: "x".encode("klingon"), lambda: b"x".decode("klingon"), lambda: "é".encode("ascii", "bogus"),
            lambda: "x".encode(1), lambda: bytes("x"), lambda: bytes(b"x", "utf-8"), lambda: "é€".encode("latin-1"),
            lambda: b"\xff\xfe\x00".decode("utf-16-le"), lambda: b"ab\xff".decode("ascii")]:
    try:
        print(bad())
    except (LookupError, TypeError, UnicodeError) as e:
        print(type(e).__name__ + ":", e)
print(issubclass(UnicodeDecodeError, ValueError), issubclass(UnicodeEncodeError, UnicodeError))
