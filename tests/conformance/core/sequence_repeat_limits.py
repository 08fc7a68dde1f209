# Repeating a sequence past what can exist: CPython's OverflowError for str and bytes past
# sys.maxsize, MemoryError otherwise (tulip used to panic on a tuple).

for make in (lambda: (1, 2) * 2**62, lambda: [1, 2] * 2**62, lambda: "ab" * 2**62, lambda: b"ab" * 2**62,
             lambda: (0,) * 2**40, lambda: b"x" * 2**40, lambda: "x" * 2**40, lambda: [0] * 2**40):
    try:
        make()
    except (MemoryError, OverflowError) as e:
        print(type(e).__name__, e)
print(len((1, 2) * 3), (1, 2) * -1, b"ab" * 2, "ab" * 0)
