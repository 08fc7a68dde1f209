# Short sequences the run loop fuses (`i + 1`, `i += 1`, `a * b`, `if n < 2:`,
# `while i < n:`) with operands that are not small ints or floats, so the fused instruction
# must fall back to running the sequence one instruction at a time.


def arith(a, b):
    x = a + 1
    y = a * b
    a += 2
    b -= a
    return x, y, a, b


print(arith(3, 4))
print(arith(2.5, 4))
print(arith(2, 0.5))
print(arith(2**62, 2**62))  # overflow into big ints
print(arith(True, False))
print(arith(-(2**63), 3))


def strings(s, t):
    u = s + t
    s += "!"
    return u, s, s * 2


print(strings("ab", "cd"))


def lists(a, b):
    c = a + b
    a += [9]  # in place: the caller's list changes too
    return c, a


xs = [1]
print(lists(xs, [2]), xs)


def mod_and_div(a, b):
    return a % 3, a // 3, a % b, a // b, a / b


print(mod_and_div(7, -2))
print(mod_and_div(-7, 2))
print(mod_and_div(7.5, 2))


def compare_jump(n, m):
    out = []
    if n < 2:
        out.append("small")
    if n == m:
        out.append("equal")
    if not n > m:
        out.append("not greater")
    while n < m:
        n += 1
    out.append(n)
    return out


print(compare_jump(1, 3))
print(compare_jump(2.5, 2.5))
print(compare_jump(float("nan"), 1))
print(compare_jump(2**53 + 1, 2.0**53))
print(compare_jump(2**70, 2**70 + 2))


def compare_strings(s, t):
    if s < t:
        return "less"
    return "not less"


print(compare_strings("a", "c"), compare_strings("b", "a"))


class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        return Num(self.v + (other.v if isinstance(other, Num) else other))

    def __lt__(self, other):
        print("lt called")
        return self.v < (other.v if isinstance(other, Num) else other)

    def __repr__(self):
        return f"Num({self.v})"


def objects(n):
    m = n + 1
    k = n + m
    if n < 5:
        return m, k, "less"
    return m, k, "not less"


print(objects(Num(1)))
print(objects(Num(7)))


def errors(a, b):
    try:
        c = a / b
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        c = a % b
    except ZeroDivisionError as e:
        print("ZeroDivisionError:", e)
    try:
        c = a + "x"
    except TypeError as e:
        print("TypeError:", e)
    try:
        if a < "x":
            pass
    except TypeError as e:
        print("TypeError:", e)
    return c if False else None


print(errors(1, 0))
print(errors(1.5, 0.0))


def unbound(flag):
    if flag:
        v = 1
    try:
        w = v + 1
        print("w", w)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    try:
        if v < 3:
            print("v small")
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)


unbound(True)
unbound(False)


def total(n):
    i = 0
    acc = 0
    while i < n:
        acc = acc * 31 + i
        i += 1
    return acc


print(total(10), total(100))


def unbound_second(flag):
    a = 1
    if flag:
        b = 2
    return a + b


print(unbound_second(True))
print(unbound_second(False))
