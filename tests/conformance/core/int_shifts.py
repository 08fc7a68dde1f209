# `<<` and `>>` on ints, through variables (the run loop's int fast path) and past the
# 64-bit range (where big ints take over), including negative values and huge shift counts.


def shifts(v, n):
    r = v >> n
    l = v << n if n < 200 else None
    return r, l


values = [0, 1, -1, 5, -5, 7, -8, 2**31, -(2**31), 2**62, -(2**62), 2**63 - 1, -(2**63)]
counts = [0, 1, 3, 31, 32, 62, 63, 64, 65, 100, 1000]
for v in values:
    for n in counts:
        print(v, n, *shifts(v, n))
for v, n in [(1, -1), (2**70, -3)]:
    try:
        shifts(v, n)
    except ValueError as e:
        print("ValueError:", e)
x = 3
x <<= 2
x >>= 1
print(x)
