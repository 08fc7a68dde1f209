# Sequences the compiler fuses into one instruction (a local with a constant or another local
# in an arithmetic operation, maybe stored back; a comparison with a conditional jump; a
# returned local), with operands the fused form handles (ints, floats, strs) and operands it
# hands back (big ints, overflow, other types, an unbound local).


def arith(a, b):
    out = []
    out.append(a + 1)
    out.append(a - b)
    out.append(a * 3)
    out.append(a * b)
    out.append(a % 7)
    out.append(a // 2)
    out.append(a / 4)
    out.append(a & 6)
    out.append(a | b)
    out.append(a ^ 5)
    out.append(a << 3)
    out.append(a >> 1)
    out.append(a ** 2)
    return out


def arith_float(a, b):
    return [a + 1, a - b, a * 3, a * b, a % 7, a // 2, a / 4, a / b, a**2, b - a]


for a, b in ((5, 3), (-7, 2), (2**62, 2**62), (-(2**63), -1), (3, True)):
    print(a, b, arith(a, b))
print(arith(10**30, 10**29)[:4])
for a, b in ((2.5, 4), (7, 0.5), (-1.5, -2.0), (1e150, 1e150), (0.1, 3)):
    print(a, b, arith_float(a, b))
try:
    arith_float(1.0, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)


def accumulate(n, step):
    total = 0
    i = 0
    while i < n:
        total += step
        i += 1
    j = n
    while not j <= 0:
        total -= 1
        j -= 1
    return total, i, j


print(accumulate(10, 3), accumulate(5, 0.25), accumulate(3, 2**62), accumulate(0, 1))


def compare(a, b):
    seen = []
    if a < b:
        seen.append("lt")
    if a == b:
        seen.append("eq")
    if not a > b:
        seen.append("not-gt")
    if a >= b:
        seen.append("ge")
    return seen


def compare_const(a):
    seen = []
    if a <= 1:
        seen.append("le1")
    if a != 2:
        seen.append("ne2")
    if not a > 2.5:
        seen.append("not-gt2.5")
    return seen


for a, b in ((1, 2), (2, 2), (3.5, 2), (2, 2.0), (float("nan"), 1.0), (2**70, 2**70), (-(2**60), 2**60)):
    print(repr(a), repr(b), compare(a, b), compare_const(a))
for a, b in (("a", "b"), ("b", "b"), ("é", "e"), (None, None), ([1], [1]), ((1, 2), (1, 3)), (1, "1")):
    try:
        print(repr(a), repr(b), compare(a, b))
    except TypeError as e:
        print("TypeError", e)


def text(s, t):
    u = s + t
    u += "!"
    return u, s * 2, s < t


print(text("ab", "cd"), text("", "x"))


def late(flag):
    if flag:
        other = 1
    base = 10
    return base + other


print(late(True))
try:
    late(False)
except UnboundLocalError as e:
    print("UnboundLocalError", e)


def gen_sum(n):
    i = 0
    while i < n:
        yield i * 2
        i += 1


print(list(gen_sum(5)))
