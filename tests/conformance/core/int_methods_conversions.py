# int methods: bit_length, bit_count, to_bytes/from_bytes, as_integer_ratio; int subclasses.
vals = [0, 1, -1, 5, -5, 255, 256, -256, 2**63, -2**63, 2**100 + 7, -(3**50)]
print([v.bit_length() for v in vals])
print([v.bit_count() for v in vals])
print([v.as_integer_ratio() for v in vals[:4]], True.as_integer_ratio(), (7).conjugate(), (7).real, (7).imag, (7).numerator, (7).denominator)
for v in [0, 1, 127, 128, 255, 1000, 65535]:
    print(v, v.to_bytes(2, "big"), v.to_bytes(3, "little"), v.to_bytes(2, byteorder="big", signed=True) if v < 32768 else "-")
print((-1).to_bytes(2, "big", signed=True), (-129).to_bytes(2, "little", signed=True), (5).to_bytes(), (0).to_bytes(0, "big"))
print(int.from_bytes(b"\x01\x00"), int.from_bytes(b"\x01\x00", "little"), int.from_bytes(b"\xff\xff", "big", signed=True),
      int.from_bytes([1, 2, 3], "big"), int.from_bytes(bytearray(b"\x80"), "big", signed=True), int.from_bytes(b"", "big"))
big = 2**200 - 12345
print(int.from_bytes(big.to_bytes(26, "little"), "little") == big, (-big).to_bytes(26, "big", signed=True)[:4])
class Meters(int):
    def __repr__(self):
        return f"Meters({int(self)})"
m = Meters(5)
print(m, m + 1, 1 + m, m * 2, -m, abs(Meters(-3)), m // 2, m % 3, m ** 2, m == 5, m < 6, hash(m) == hash(5), int(m), float(m))
print(type(m + 1).__name__, isinstance(m, int), m.bit_length(), m.to_bytes(1, "big"), (5).__add__(2), (5).__radd__(2), int.__mul__(3, 4))
print((3).__add__(1.5), (3).__eq__("3"), (5).__neg__(), (5).__abs__(), (5).__bool__(), (0).__bool__(), (5).__index__(), (17).__divmod__(5))
print(round(Meters(1234), -2), divmod(Meters(7), 2), pow(Meters(2), 10), pow(2, Meters(3), 5), f"{m:04d}", "%d" % m, str(m), [m][0])
for bad in [lambda: (1).to_bytes(1, "middle"), lambda: (256).to_bytes(1, "big"), lambda: (-1).to_bytes(1, "big"),
            lambda: (1).to_bytes(-1, "big"), lambda: (1).to_bytes(1, "big", True), lambda: int.from_bytes("ab", "big"),
            lambda: int.from_bytes(b"a", 1), lambda: (1).bit_length(2), lambda: int.from_bytes(b"a", "big", foo=1)]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
