a += 1; a -= 1; a *= 1; a /= 1; a //= 1; a %= 1; a **= 1; a @= b
a &= 1; a |= 1; a ^= 1; a <<= 1; a >>= 1
x = a + b - c * d / e // f % g ** h @ i
y = a & b | c ^ ~d << e >> f
z = a < b > c <= d >= e == f != g
def f(a, /, *, b) -> int: ...
if (n := 10) > 5: pass
w = [1, 2][0:1:2]; v = {a: b}; u = a.b
