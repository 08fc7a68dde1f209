# str.count of one ASCII byte counts in blocks of 128 bytes: texts around and across block
# edges, with non-ASCII text, start/end bounds and every byte a match.
for n in (0, 1, 127, 128, 129, 255, 256, 257, 1000):
    text = ("ab4é" * n)[:n]
    print(n, text.count("4"), text.count("a"), text.count("é"), ("4" * n).count("4"))
    print(text.count("4", 3), text.count("4", 0, n // 2), text.count("4", -50, -1))
big = "-".join(str(i) for i in range(5000))
print(big.count("7"), big.count("-"), big.count("77"), big[::3].count("1"))
