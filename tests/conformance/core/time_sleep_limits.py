# time.sleep's argument checks, in CPython's order: NaN, then whether the duration fits in
# nanoseconds as a 64-bit integer (ints and floats word it differently), then the sign.
import time

for value in [float("inf"), float("-inf"), 1e20, -1e20, 9.3e9, 9_300_000_000, -9_300_000_000,
              2**63, -(2**70), float("nan"), -1, -0.5, False, 0, 0.0]:
    try:
        time.sleep(value)
        print(repr(value), "slept")
    except (OverflowError, ValueError) as e:
        print(repr(value), type(e).__name__, e)
