import sys
big = 10 ** 4299
print(len(str(big)))
too_big = 10 ** 5000
try:
    s = str(too_big)
except ValueError as e:
    print("ValueError:", e)
try:
    int("9" * 5000)
except ValueError as e:
    print("ValueError:", e)
print(too_big % 1000, too_big.bit_length(), hex(2 ** 20000)[:10])
print(len(f"{2 ** 14000:x}"))
