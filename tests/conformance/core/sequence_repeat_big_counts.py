# Repetition counts past 64 bits (OverflowError, not TypeError), and in place on a list
# (`*=`): past what memory could hold (MemoryError with no arguments, not a runaway loop),
# with __index__ and negative counts.

for make in (lambda: [1, 2] * 10**20, lambda: 10**20 * "ab", lambda: (1,) * -10**30, lambda: b"x" * 2**64,
             lambda: [0] * 2**63, lambda: "ab" * (2**63 - 1)):
    try:
        print(len(make()))
    except (OverflowError, MemoryError, TypeError) as e:
        print(type(e).__name__, e)
x = [1]
try:
    x *= 10**20
except OverflowError as e:
    print("OverflowError", e)
print(x, [1, 2] * -(10**0), "ab" * True)
class Seq(list):
    pass
try:
    Seq([1]) * 10**19
except OverflowError as e:
    print("OverflowError", e)
y = [1, 2]
try:
    y *= 2**62
except MemoryError as e:
    print("MemoryError", repr(e))
print(y)
class N:
    def __index__(self):
        return 3
y *= N()
print(y)
y *= -1
print(y)
