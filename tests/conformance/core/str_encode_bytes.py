s = "café ☕"
b = s.encode("utf-8")
print(b, len(s), len(b), type(b).__name__)
print(b.decode("utf-8"), b.decode() == s, s.encode("ascii", "replace"), s.encode("ascii", "ignore"))
print(b[0], b[-1], b[:4], list(b[:3]), b[::-1][:2])
try:
    s.encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError:", e)
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as e:
    print("UnicodeDecodeError:", e)
print("abc".encode(), "abc".encode("latin-1"), "é".encode("latin-1"), "é".encode("utf-16-le"))
