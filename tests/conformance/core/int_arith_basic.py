a, b = 17, 5
print(a + b, a - b, a * b)
print(a / b, a // b, a % b)
print(a ** b)
print(-a, +a, abs(-a))
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, -2 ** 2, (-2) ** 2)
print(10 / 2, type(10 / 2).__name__)
print(7 // 1, 0 // 5, 0 % 5)
x = 10
x += 5
x -= 3
x *= 2
x //= 5
x **= 3
x %= 7
print(x)
print(1_000_000 + 1, 0x10 + 0o10 + 0b10)
print(True + True, True * 10, False - 1)
print(divmod(17, 5), divmod(-17, 5))
