# complex errors: CPython's exception types and messages; an uncaught one at the end.
import math


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        print(label, "->", type(e).__name__, e)
    else:
        print(label, "=", repr(r))


inf = float("inf")

# Division and powers of zero.
attempt("1j/0", lambda: 1j / 0)
attempt("1j/0.0", lambda: 1j / 0.0)
attempt("1/0j", lambda: 1 / 0j)
attempt("0j/0j", lambda: 0j / 0j)
attempt("0j**-1", lambda: 0j ** -1)
attempt("0j**1j", lambda: 0j ** 1j)
attempt("0**-1j", lambda: 0 ** -1j)
attempt("0.0**(-1+0j)", lambda: 0.0 ** (-1 + 0j))
attempt("0j**-1.5", lambda: 0j ** -1.5)
attempt("2**complex(0,inf)", lambda: 2 ** complex(0, inf))
attempt("(1+1j)**1e308", lambda: (1 + 1j) ** 1e308)
attempt("(10+10j)**400", lambda: (10 + 10j) ** 400)
attempt("(1e200j)**2", lambda: (1e200j) ** 2)
attempt("abs(huge)", lambda: abs(complex(1e308, 1e308) * 2))
attempt("big int +", lambda: (1 + 2j) + 10 ** 400)
attempt("big int /", lambda: 10 ** 400 / 1j)

# Operators complex does not have.
attempt("1j//2", lambda: 1j // 2)
attempt("1j%2", lambda: 1j % 2)
attempt("2%1j", lambda: 2 % 1j)
attempt("2//1j", lambda: 2 // 1j)
attempt("divmod", lambda: divmod(1j, 2))
attempt("1j&1", lambda: 1j & 1)
attempt("1j<<1", lambda: 1j << 1)
attempt("1j@1", lambda: 1j @ 1)
attempt("~1j", lambda: ~1j)
attempt("1j+'a'", lambda: 1j + "a")
attempt("'a'+1j", lambda: "a" + 1j)
attempt("[0]*2j", lambda: [0] * 2j)
attempt("1j*'ab'", lambda: 1j * "ab")
attempt("1j+None", lambda: 1j + None)


def add_in_place(z, other):
    z += other
    return z


attempt("1j+=[]", lambda: add_in_place(1j, []))
attempt("1j+=1", lambda: add_in_place(1j, 1))

# No ordering.
attempt("1j<1", lambda: 1j < 1)
attempt("1<1j", lambda: 1 < 1j)
attempt("1j<=1j", lambda: 1j <= 1j)
attempt("1j>2.0", lambda: 1j > 2.0)
attempt("sorted", lambda: sorted([2j, 1j]))
attempt("max", lambda: max(1j, 2j))
attempt("[1j]<[2j]", lambda: [1j] < [2j])

# Conversions to real numbers.
attempt("int", lambda: int(1j))
attempt("float", lambda: float(1j))
attempt("round", lambda: round(1 + 1j))
attempt("round 2", lambda: round(1j, 2))
attempt("int('1j')", lambda: int("1j"))
attempt("float('1j')", lambda: float("1j"))
attempt("range", lambda: range(1j))
attempt("index", lambda: [1, 2][1j])
attempt("bytes", lambda: bytes(1j))
attempt("%f", lambda: "%f" % 1j)
attempt("%d", lambda: "%d" % 1j)
attempt("%x", lambda: "%x" % 1j)
attempt("len", lambda: len(1j))
attempt("iter", lambda: iter(1j))
attempt("call", lambda: (1j)())
attempt("attr", lambda: (1j).foo)
attempt("setattr real", lambda: setattr(1j, "real", 2))
attempt("setattr foo", lambda: setattr(1j, "foo", 2))
attempt("hash unhashable part", lambda: hash((1j, [])))

# math refuses complex arguments.
for name in ["sqrt", "floor", "ceil", "trunc", "fabs", "exp", "log", "isnan", "isinf", "isfinite"]:
    attempt("math." + name, lambda: getattr(math, name)(1j))
attempt("math.pow", lambda: math.pow(1j, 2))
attempt("math.atan2", lambda: math.atan2(1j, 1))
attempt("math.copysign", lambda: math.copysign(1, 1j))
attempt("math.fsum", lambda: math.fsum([1j]))
attempt("math.isclose", lambda: math.isclose(1j, 1j))
attempt("math.factorial", lambda: math.factorial(1j))
attempt("math.gcd", lambda: math.gcd(1j, 2))

# pow() with a modulus.
attempt("pow(1j,2,3)", lambda: pow(1j, 2, 3))
attempt("pow(2,2,1j)", lambda: pow(2, 2, 1j))
attempt("pow(2,1j,3)", lambda: pow(2, 1j, 3))
attempt("pow(2.0,2,1j)", lambda: pow(2.0, 2, 1j))
attempt("pow('a',1j,3)", lambda: pow("a", 1j, 3))
attempt("pow(10**400,2,1j)", lambda: pow(10 ** 400, 2, 1j))

# The constructor.
attempt("complex(None)", lambda: complex(None))
attempt("complex(1, None)", lambda: complex(1, None))
attempt("complex([1])", lambda: complex([1]))
attempt("complex(b'1')", lambda: complex(b"1"))
attempt("complex('1', 2)", lambda: complex("1", 2))
attempt("complex(1, '2')", lambda: complex(1, "2"))
attempt("complex(1, imag='2')", lambda: complex(1, imag="2"))
attempt("complex(1, 2, 3)", lambda: complex(1, 2, 3))
attempt("complex(1, 2, imag=3)", lambda: complex(1, 2, imag=3))
attempt("complex(1, real=2)", lambda: complex(1, real=2))
attempt("complex(x=2)", lambda: complex(x=2))
attempt("complex(10**400)", lambda: complex(10 ** 400))
attempt("complex(1, 10**400)", lambda: complex(1, 10 ** 400))
attempt("conjugate(1)", lambda: (1j).conjugate(1))
attempt("complex.conjugate(2)", lambda: complex.conjugate(2))
attempt("complex.conjugate()", lambda: complex.conjugate())


class NotComplex:
    def __complex__(self):
        return 5


class OnlyComplex:
    def __complex__(self):
        return 1j


attempt("__complex__ int", lambda: complex(NotComplex()))
attempt("second __complex__", lambda: complex(1, OnlyComplex()))
attempt("+ __complex__", lambda: 1j + OnlyComplex())

for s in ["1__0", "_1", "1_", "1 + 2j", "(1+2j", "1+2j)", "()", "", "  ", "1e", "1+2", "jj", "1jj",
          "j1", "1j+1", "--j", "1..2", "0x10", "infinit", "é", "1\x00", "1_\x00", "+", "1e_1", "(1)(2)"]:
    attempt(repr(s), lambda: complex(s))

# Format specs complex does not take.
for spec in ["010", "=10", "0<10", "%", "d", "x", "s", "c", ",n", ".2%"]:
    attempt("format " + repr(spec), lambda: format(1 + 2j, spec))

print((1 + 2j) / (1j - 1j))
