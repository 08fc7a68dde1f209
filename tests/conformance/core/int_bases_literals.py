print(0xff, 0o17, 0b1011, 1_000_000, 0x_dead_beef)
print(hex(255), oct(8), bin(10), hex(-255), bin(-5), oct(-64))
print(int("ff", 16), int("777", 8), int("1011", 2), int("z", 36))
print(int("0x1F", 0), int("0o17", 0), int("0b11", 0), int("42", 0))
print(int("  -42  "), int("+7"), int("1_000"))
print(int(3.99), int(-3.99), int(True), int("0010"))
print(format(255, "x"), format(255, "#X"), format(10, "b"), format(8, "o"))
print(int.from_bytes(b"\x01\x00", "big"), (1024).to_bytes(2, "big"))
print((255).bit_length(), (0).bit_length(), (-8).bit_length())
for s in ["12a", "", "1.5", "0x10"]:
    try:
        print(int(s))
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
