for n in [0, 7, 10, 255, 256, -1, -255, 2 ** 40]:
    print(n, hex(n), oct(n), bin(n), format(n, "x"), format(n, "08b") if n >= 0 else "")
print(chr(0x1F600), chr(9731), ord("\n"), ord(" "), [chr(c) for c in range(97, 102)])
print(format(3.14159, ".2f"), format(42, "*>6"), format("s", "^5"), format(1e6, ",.0f"), format(0.5, "%"))
print(format(12345), format(1.0), format("text"), format(True), format([1, 2]))
try:
    chr(0x110000)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    hex(1.5)
except TypeError as e:
    print("TypeError:", e)
