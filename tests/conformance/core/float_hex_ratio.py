# float methods: hex/fromhex, as_integer_ratio, is_integer; float subclasses.
vals = [0.0, -0.0, 1.0, -2.5, 0.1, 1 / 3, 1e300, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e308, 123456.789]
for v in vals:
    print(repr(v), v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio(), v.is_integer())
print(float("inf").hex(), float("-inf").hex(), float("nan").hex(), float("inf").is_integer())
for text in ["0x1p0", "0X1.8P+1", "  -0x.8p-1 ", "0x1.fffffffffffffp1023", "1", "0x10", "inf", "-Infinity", "nan", "0x1p-1074",
             "0x1p-1075", "0x3p-1075", "0x1.00000000000008p0", "0x1.00000000000018p0", "0x0.0000000000001p-1022"]:
    print(repr(text), float.fromhex(text))
class Celsius(float):
    pass
c = Celsius(21.5)
print(c, c + 1, 2 * c, c / 2, -c, c > 20, c == 21.5, round(c), int(c), c.hex(), c.is_integer(), type(c * 1).__name__)
print((1.5).__add__(1), (1.5).__radd__(2), (1.5).__mul__("x"), (2.5).__floor__(), (2.5).__ceil__(), (2.5).__trunc__(), (-2.5).__round__(), (2.675).__round__(2))
print(float.fromhex("0x1p3").is_integer(), (3.0).conjugate(), (3.5).real, (3.5).imag, Celsius.fromhex("0x1p1"), type(Celsius.fromhex("0x1p1")).__name__)
for bad in [lambda: float.fromhex("0x1p1024"), lambda: float.fromhex("0x1.fffffffffffff8p1023"), lambda: float.fromhex("zz"),
            lambda: float.fromhex("0x1p"), lambda: float.fromhex(1), lambda: float("inf").as_integer_ratio(),
            lambda: float("nan").as_integer_ratio(), lambda: (1.5).hex(1), lambda: float("nan").__trunc__()]:
    try:
        print(bad())
    except (ValueError, TypeError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
