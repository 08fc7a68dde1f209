import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)),
    ("log(0)", lambda: math.log(0)),
    ("log(-5)", lambda: math.log(-5)),
    ("factorial(-1)", lambda: math.factorial(-1)),
    ("factorial(2.5)", lambda: math.factorial(2.5)),
    ("exp(1000)", lambda: math.exp(1000)),
    ("acos(2)", lambda: math.acos(2)),
    ("isqrt(-4)", lambda: math.isqrt(-4)),
    ("pow(0, -1)", lambda: math.pow(0, -1)),
    ("floor(nan)", lambda: math.floor(math.nan)),
    ("ceil(inf)", lambda: math.ceil(math.inf)),
    ("float(2**2000)", lambda: float(2 ** 2000)),
    ("2**2000 / 1", lambda: 2 ** 2000 / 1),
    ("sqrt('4')", lambda: math.sqrt("4")),
    ("gcd(1.5, 2)", lambda: math.gcd(1.5, 2)),
]
for label, fn in cases:
    try:
        print(label, "=", fn())
    except (ValueError, OverflowError, TypeError) as e:
        print(label, "->", type(e).__name__ + ":", e)
print("math.floor(-0.0) =", math.floor(-0.0), "math.sqrt(-0.0) =", math.sqrt(-0.0))
