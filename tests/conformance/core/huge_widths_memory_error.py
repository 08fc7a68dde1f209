# Padding to widths no machine could hold (str and bytes ljust/rjust/center/zfill, format
# specs, printf widths): MemoryError before any allocation, not an allocator abort; and the
# errors that come first (too many digits, bad operand types, counts past 64 bits).

cases = [
    ("ljust", lambda: "x".ljust(2**40)), ("rjust", lambda: "x".rjust(2**40, "*")),
    ("center", lambda: "ab".center(2**40)), ("zfill", lambda: "-1".zfill(2**40)),
    ("bytes ljust", lambda: b"x".ljust(2**40)), ("bytes zfill", lambda: b"1".zfill(2**40)),
    ("bytearray center", lambda: bytearray(b"x").center(2**40)),
    ("int width", lambda: f"{1:>1099511627776}"), ("float width", lambda: f"{1.5:1099511627776}"),
    ("str width", lambda: format("a", "^1099511627776")), ("zero pad", lambda: format(10, "01099511627776")),
    ("bool width", lambda: format(True, "1099511627776")), ("complex width", lambda: format(1j, "1099511627776")),
    ("printf width", lambda: "%1099511627776d" % 1), ("printf star", lambda: "%*s" % (2**40, "x")),
    ("printf huge width", lambda: "%99999999999999999999d" % 1),
    ("printf precision", lambda: "%.10000000000f" % 1.0), ("format precision", lambda: f"{1.5:.10000000000f}"),
    ("width and type error", lambda: "%10000000000d" % "x"), ("ljust big int", lambda: "x".ljust(2**70)),
]
for label, make in cases:
    try:
        print(label, len(make()))
    except (MemoryError, OverflowError, ValueError, TypeError) as e:
        print(label, type(e).__name__, e)
print("ok".ljust(5, "."), f"{7:>4}", "%5s|" % "ab", "%-5d|" % 3, b"1".zfill(3))
