data = b"hello \x00\x7f\x80\xff world"
print(data, len(data), data[0], data[6], data[-1])
print(data[:5], data[6:10], data.upper(), data.split(b" "))
print(bytes(3), bytes([65, 66, 67]), bytes(range(5)), b"ab" + b"cd", b"-" * 5)
print(b"abc" == b"abc", b"a" < b"b", b"xy" in b"wxyz", 120 in b"xyz", b"hello".find(b"l"))
print(repr(b"'"), repr(b'"'), repr(b"'\""), b"\t\n\r", bytes([9, 10, 13, 92]))
print(list(b"AZaz"), b"hello".hex(), bytes.fromhex("48 69"), b"a,b".split(b","))
print(b"  pad ".strip(), b"x".join([b"1", b"2"]), b"abc".replace(b"b", b"B"), b"Hi".decode())
ba = bytearray(b"abc")
ba[0] = 65
ba.append(100)
print(ba, len(ba), bytes(ba))
try:
    data[0] = 1
except TypeError as e:
    print("TypeError:", e)
try:
    bytes([256])
except ValueError as e:
    print("ValueError:", e)
try:
    b"a" + "b"
except TypeError as e:
    print("TypeError:", e)
