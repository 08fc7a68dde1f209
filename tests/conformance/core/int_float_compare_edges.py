# Comparisons between ints and floats are exact in CPython, even where the int has no exact
# float (beyond 2**53); small ints take a fast path, which must agree.
big = 2**53
values = [0, 1, -1, 3, big - 1, big, big + 1, -big - 1, 2**63 - 1, -2**63, 10**30]
floats = [0.0, -0.0, 0.5, 1.0, 3.0, 2.5, float(big), float(big + 2), 9.2e18, -9.2e18,
          1e30, float("inf"), float("-inf"), float("nan")]
for i in values:
    row = []
    for f in floats:
        row.append("".join("1" if r else "0" for r in (
            i < f, i <= f, i == f, i != f, i > f, i >= f,
            f < i, f <= i, f == i, f != i, f > i, f >= i)))
    print(i, " ".join(row))
delay = 0.001
print(delay <= 0, 0 < delay, -0.0 == 0, 0 == -0.0, 1 == 1.0, True == 1.0, True < 1.5)
