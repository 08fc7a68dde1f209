# complex arithmetic as CPython 3.11 computes it: every operand widened to a complex first,
# Smith's division, `**` with the small-integer fast path and the polar form otherwise.
inf = float("inf")
nan = float("nan")


def show(f, *args):
    try:
        return repr(f(*args))
    except Exception as e:
        return f"{type(e).__name__}: {e}"


ops = [
    ("+", lambda x, y: x + y),
    ("-", lambda x, y: x - y),
    ("*", lambda x, y: x * y),
    ("/", lambda x, y: x / y),
    ("**", lambda x, y: x ** y),
]

parts = [0.0, -0.0, 1.0, -2.5, 1e-310, 1e308, inf, -inf, nan, 0.1]
left = [complex(a, b) for a in parts for b in parts][::7]
right = [1 + 2j, -3 - 4j, 0j, 1j, complex(inf, 1), complex(nan, 0), 0.5j, complex(1e308, 1e308),
         0, 1, -2, True, 3.5, -0.0, 10 ** 20, inf]
for x in left:
    for y in right:
        print(repr(x), repr(y), *(show(f, x, y) + " | " + show(f, y, x) for _, f in ops))

# Mixed with ints and floats on either side.
print(1 + 2j + 3, 3 + (1 + 2j), 2.5 - 1j, 1j - 2.5, 2 * (1 + 1j), (1 + 1j) * 0.5, True + 1j)
print(1 / (1 + 1j), (1 + 1j) / 2, 5 / (1 + 1j), (1 + 2j) / (3 - 4j), 1j * 1j, 1 - 1j, 2 - -1j)
print(complex(inf, 0) * 2, (1 + 2j) * 2.0, (1 + 2j) / complex(inf, 1), complex(1e308, 1e308) * 10)

# Powers: small integer exponents multiply; the rest go through polar form.
bases = [2 + 3j, -1.5 + 0.5j, 1j, -8, -8.0, 0.5, 1e10 + 1e10j, 0j, complex(inf, 0), complex(nan, 1)]
exps = [0, 1, 2, 3, -1, -3, 0.5, 1 / 3, -0.5, 2.0, 100, 101, -100, -101, 100.5, 1j, 2 + 0.5j, 0j]
for b in bases:
    print(repr(b), *(show(lambda x, y: x ** y, b, e) for e in exps))
print(pow(1j, 2), pow(2, 1j), pow(1 + 1j, 2, None), (1 + 2j) ** 3, (1 + 2j) ** -3, 2 ** (1 + 1j))

# A negative real base with a fractional exponent gives a complex.
print((-8) ** (1 / 3), (-2.0) ** 0.5, pow(-27, 1 / 3), (-1) ** 0.5, (-8) ** 0.5, (-0.5) ** 1.5)
print(type((-4) ** 0.5).__name__, (-4) ** 2.0, (-8.0) ** -0.5)

# Unary operators and abs().
for z in [1 + 2j, -0j, complex(-0.0, 0.0), complex(inf, nan), complex(nan, 1), complex(3e200, 4e200)]:
    print(repr(z), -z, +z, abs(z), z.conjugate(), -(-z) == z)

# Augmented assignment and builtins that add.
acc = 0
for k in range(1, 5):
    acc += k * 1j
acc *= 1 - 1j
acc /= 2
acc **= 2
print(acc, sum([1j, 2, 3.5, 0.5j]), sum([], 0j), sum([1 + 1j] * 10), [x * 1j for x in range(3)])

# In containers: lookup by equal ints and floats, counting, sorting by a key.
zs = [3 + 4j, 1j, -2, 0.5 + 0.5j, 5]
print(sorted(zs, key=abs), max(zs, key=lambda z: z.real), [1, 1j].count(1j), zs.index(5 + 0j))
print({1j: "a", 1 + 0j: "b"}[1], (1 + 0j) in {1: None}, list(map(complex, [1, 2.5, "3j"])))
