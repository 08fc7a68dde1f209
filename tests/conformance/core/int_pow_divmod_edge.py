# ** / pow / divmod / // / % at the edges: signs, zero, infinities, big ints, modular inverses.
print(2 ** 10, 2 ** -2, (-2) ** 3, (-2) ** -3, (-8) ** (1 / 3) if False else "-", 0 ** 0, 0.0 ** 0, (-1) ** 10**20, 1 ** -7)
print(pow(3, -1, 7), pow(3, -2, 7), pow(-3, -1, 7), pow(38, -1, 97), pow(2, 10, -7), pow(2, -1, -7), pow(5, 0, 1), pow(12, 3, 10**9 + 7))
print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7, -2), divmod(7.5, 2), divmod(-7.5, 2), divmod(7, 0.5), divmod(-0.0, 1))
print(divmod(2**100, 3**20), divmod(-(2**100), 7), 2**100 // -3, -(2**100) % 7, 10**30 / 10**10, (10**30 + 1) / 3, 7 // 2.0, -7 % 2.5)
print(float("inf") ** 2, float("inf") ** -1, (-float("inf")) ** 3, (-float("inf")) ** 2, 2 ** float("inf"), 0.5 ** float("inf"), 1.0 ** float("nan"), float("nan") ** 0)
print((-2.0) ** 2, (-2.0) ** 3, (-1.0) ** 1e300, 0.0 ** 3, (-0.0) ** 3, (-0.0) ** 2, 10.0 ** -300, 2.0 ** -1074, 2 ** 0.5)
print(5 % 3, -5 % 3, 5 % -3, -5 % -3, 5.5 % 2, -5.5 % 2, 5.5 % -2, 1e-300 % 1.0, -1e-300 % 1.0, 0.0 % -1)
print(1 << 70, -1 << 3, 2**100 >> 90, -(2**100) >> 98, -1 >> 1000, ~(2**70), 12 & -4, -12 | 3, 2**65 ^ -1)
print(7 / 2, -7 / 2, 2**53 + 1 / 1, (2**53 + 1) / 1, 1 / 3 * 3, 0.1 + 0.2, 1e16 + 1, 10 ** 22 / 10 ** 11)
for bad in [lambda: pow(2, -1, 4), lambda: pow(2, 3, 0), lambda: pow(2.0, 3, 5), lambda: pow(2, 0.5, 3), lambda: 0 ** -1,
            lambda: 0.0 ** -2, lambda: 2.0 ** 10000, lambda: divmod(1, 0), lambda: divmod(1.0, 0), lambda: 1 % 0.0,
            lambda: 5 // 0, lambda: 5.0 // 0.0, lambda: 1 << -1, lambda: 1 >> -1, lambda: 2**2000 / 1.5, lambda: 10**400 * 1.0,
            lambda: 2**2000 / 3, lambda: 1.5 << 2, lambda: divmod("a", 1), lambda: pow(2, 3, 4, 5)]:
    try:
        print(bad())
    except (ValueError, TypeError, ZeroDivisionError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
