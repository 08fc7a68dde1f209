a, b = 0b1100, 0b1010
print(a & b, a | b, a ^ b, ~a)
print(bin(a & b), bin(a | b), bin(a ^ b))
print(1 << 10, 1024 >> 3, -16 >> 2, -1 >> 10, ~0, ~-1)
print(-5 & 0xff, -5 | 2, -5 ^ 3, 5 & -2)
print((1 << 80) | 1, (1 << 80) & ((1 << 80) - 1), -(1 << 80) >> 78)
flags = 0
READ, WRITE, EXEC = 1, 2, 4
flags |= READ | EXEC
print(flags, bool(flags & WRITE), bool(flags & EXEC))
flags &= ~READ
print(flags)
flags ^= WRITE
print(flags, f"{flags:03b}")
try:
    print(1 << -1)
except ValueError as e:
    print("ValueError:", e)
print(True & False, True | False, True ^ True, type(True & True).__name__)
