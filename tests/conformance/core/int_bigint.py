big = 2 ** 100
print(big)
print(big * big)
print(-big, big - 1, big + 1)
print(big // 3, big % 3, big // -7, big % -7)
f = 1
for i in range(1, 41):
    f *= i
print("40! =", f)
print(len(str(f)), str(f)[:10])
print(10 ** 30 // 10 ** 28, 10 ** 30 % 999)
print(int("123456789012345678901234567890") + 1)
print(-(10 ** 25) // 3, -(10 ** 25) % 3)
print(2 ** 64 - 1, hex(2 ** 64), bin(2 ** 70).count("0"))
print(big == 2 ** 100, big > 2 ** 99, big < -big)
print(abs(-(3 ** 50)), (3 ** 50) ** 2 == 3 ** 100)
print(pow(2, 200, 10 ** 9 + 7))
print(big / 2, big / 3)
print(sum(range(10 ** 6)), 12345678901234567890 * 98765432109876543210)
print((1 << 100) >> 98, -(1 << 100) >> 99)
