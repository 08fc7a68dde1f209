# Tight loops with int and float arithmetic: an integer hash-like mix and a float series, both
# in while/for loops over local variables. Measures the dispatch loop and number operations.
import math

N = 2_000_000


def int_loop(n):
    acc = 0
    i = 0
    while i < n:
        acc = (acc * 31 + i ^ (i >> 3)) % 1_000_003
        i += 1
    return acc


def float_loop(n):
    total = 0.0
    x = 0.5
    for i in range(1, n):
        x = x * 0.999 + 1.0 / i
        total += x * x - math.sqrt(x)
    return total


print(int_loop(N))
print(round(float_loop(N), 6))
