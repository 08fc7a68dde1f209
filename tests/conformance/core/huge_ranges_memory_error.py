# Containers built from ranges too long to hold, and bytearray repetition past what memory
# could hold or past 64 bits: MemoryError (no arguments) or OverflowError up front, as
# CPython's length hints and size checks give, not an allocation failure.

for label, make in [("list(range)", lambda: list(range(2**62))), ("tuple(range)", lambda: tuple(range(2**40))),
                    ("extend", lambda: [1].extend(range(2**50))), ("bytearray *", lambda: bytearray(b"xy") * 2**62),
                    ("bytearray * big", lambda: bytearray(b"xy") * 2**64), ("star", lambda: [*range(2**45)]),
                    ("sorted", lambda: sorted(range(2**50)))]:
    try:
        make()
    except (MemoryError, OverflowError) as e:
        print(label, type(e).__name__, repr(e))
b = bytearray(b"ab")
try:
    b *= 2**62
except MemoryError as e:
    print("bytearray *=", repr(e))
b *= 2
print(b, list(range(3, -3, -2)), list(range(0)), [1].extend(range(2)))
