# complex: literals, repr/str, parts, truth, equality, hashing, the constructor.
inf = float("inf")
nan = float("nan")

# Imaginary literals in every spelling the tokenizer takes.
print(0j, 1j, 2.5J, 1e3j, 1E-3j, .5j, 1.j, 1_000j, 1_0.5_0j, 0777j, 00j, 1e+3_0j)
print(type(1j).__name__, type(1j) is complex, isinstance(1j, complex), isinstance(1, complex))
print([1j, -1j, 1j if True else 2], 1j.real, 1j.imag)

# repr and str: parts in shortest form, no ".0", "+0" real part left out.
values = [
    0j, 1j, -1j, -0j, 1 + 2j, 1 - 2j, complex(1.5, -0.0), complex(-0.0, 0.0),
    complex(0.0, -0.0), complex(0, inf), complex(inf, -inf), complex(nan, nan),
    complex(-nan, 1), 1e16j, 1e15j, complex(1e16, 1e-5), 1e-5j, 1e-4j, 0.1 + 0.2j,
    complex(2 ** 53, 1), complex(1e300, -1e-300), 3e300 * 3e300j, complex(5e-324, 0),
]
for v in values:
    print(repr(v), str(v), f"{v}", f"{v!r}", "%s %r" % (v, v))
print([1 + 2j, (3j, -4j)], {"z": 1j}, {1j}, ascii(2j))

# Parts, conjugate, truth.
z = 3 - 4j
print(z.real, z.imag, z.conjugate(), type(z.real).__name__, abs(z), abs(-2j))
print(bool(0j), bool(complex(0.0, -0.0)), bool(1j), bool(complex(nan, 0)), not 0j)
print((5).real, (5).imag, (2.5).imag, True.imag, (5).conjugate())

# Equality with ints (exact), floats, complexes; identity of values.
print(1 + 0j == 1, 1 == 1 + 0j, 1.0 == 1 + 0j, True == 1 + 0j, 1j == 1, 1j != 1)
print(complex(2 ** 53, 0) == 2 ** 53, complex(2 ** 53, 0) == 2 ** 53 + 1, complex(nan, 0) == nan)
print(0j == -0j, 1j == 1j, 1j == "1j", 1j != None, [1j, 2] == [1j, 2], (1 + 0j) in [1], 2j in (1, 2j))

# Hashes agree with equal ints and floats.
print(hash(1 + 0j) == hash(1), hash(2.5 + 0j) == hash(2.5), hash(-1 + 0j), hash(0j))
print(hash(1.5 + 2j), hash(complex(-2, 1)), hash(complex(0.5, -0.25)), hash(complex(inf, 1)))
d = {1: "int", 2.5: "float", 3j: "complex"}
print(d[1 + 0j], d[2.5 + 0j], d[3j], d.get(complex(0, 3.0)), {1, 1.0, 1 + 0j, True}, len({1j, 1j, 2j}))

# The constructor.
print(complex(), complex(1), complex(1.5, 2), complex(True, False), complex(-0.0), complex(0, -0.0))
print(complex(1 + 2j, 3j), complex(1j, 1j), complex(1 + 2j, 3), complex(real=1, imag=2), complex(imag=2))
print(complex(real="1+1j"), complex(2, imag=1), complex(1e300 * 10, 0), complex(10 ** 20))
for s in ["1+2j", " (1-2j) ", "j", "-J", "+j", "1+j", "1-J", "1e3", "1e3j", "-1.5e-3+2.5E+2j",
          "inf", "-infinityj", "nan+nanj", "INF-NANj", "1_000+2_0j", ".5j", "5.-5.j", "1e500",
          "\u0661+\u0662j", "\u00a0(1j)\u2003", "0j", "-0-0j", "(-0+0j)"]:
    print(repr(s), complex(s))


class Parts:
    def __complex__(self):
        return 3 + 4j


class Half:
    def __float__(self):
        return 0.5


class Seven:
    def __index__(self):
        return 7


print(complex(Parts()), complex(Half(), Half()), complex(Seven(), 1), complex(Parts(), 1))


# Subclasses keep their type until arithmetic.
class MyComplex(complex):
    def __repr__(self):
        return "MyComplex" + super().__repr__()


m = MyComplex(1, 2)
print(m, repr(m), type(m).__name__, isinstance(m, complex), m.real, m.imag)
print(m + 1, type(m + 1).__name__, 1 - m, -m, abs(MyComplex(3, 4)), m == 1 + 2j, hash(m) == hash(1 + 2j))
print(complex(m), type(complex(m)).__name__, MyComplex("3-4j"), bool(MyComplex()), format(m), f"{m:.1f}")
print(complex(1j) is not None, type(complex(1j)).__name__, m.conjugate(), type(m.conjugate()).__name__)

# Methods and special methods.
print((1 + 2j).__complex__(), complex.conjugate(1 + 2j), (3 + 4j).__abs__(), (1j).__getnewargs__())
print(complex.__add__(1j, 2), (1 + 2j).__radd__(1), (1 + 2j).__add__("a"), (1 + 2j).__eq__(1))
print((1 + 2j).__lt__(1), complex.__neg__(1j), complex.__bool__(0j), complex.__repr__(1j))
print(complex.__pow__(1j, 2), complex.__rtruediv__(2j, 1), (1j).__format__(""), (1 + 2j).__format__(".1f"))
print(hasattr(1j, "__floordiv__"), hasattr(1j, "__mod__"), hasattr(1j, "__round__"), hasattr(1j, "__int__"),
      hasattr(1j, "__float__"), hasattr(1j, "__lt__"), hasattr(1j, "__complex__"))
print(hasattr(1j, "real"), hasattr(1j, "imag"), hasattr(1j, "conjugate"), hasattr(1j, "numerator"))

# Set displays of constants (folded into a frozenset by the compiler) keep CPython's order.
print({1j, 2j, 3j, 1 + 1j, 0.5j}, 2j in {1j, 2j, 3j}, frozenset([3j, 1j, -1j, 2 + 0j]), {-0j, 0j, 0})
print({complex(nan, 0), 1j} != {1j}, (1j, 2j) == (1j, 2j), hash((1j, 2)) == hash((1j, 2)))
