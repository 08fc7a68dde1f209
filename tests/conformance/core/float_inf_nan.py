import math
inf = float("inf")
nan = float("nan")
print(inf, -inf, nan, repr(nan), -nan)
print(inf + 1, inf - inf, inf * 0, inf / inf, 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(math.isnan(nan), math.isinf(-inf), math.isfinite(1.0), math.isfinite(nan))
print(inf == math.inf, str(math.nan), float("infinity"), float("-Infinity"), float("NaN"))
print(max(1.0, inf), min(-inf, 0), sorted([3.0, -inf, inf, 0.0]))
print(-0.0, 0.0 == -0.0, str(-0.0), -0.0 + 0.0, 0.0 * -1, abs(-0.0))
print(math.copysign(1, -0.0), math.copysign(3, -inf))
print(round(2.5), round(-0.4), type(round(2.5)).__name__)
for bad in [inf, nan]:
    try:
        int(bad)
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
try:
    round(inf)
except OverflowError as e:
    print("OverflowError", e)
