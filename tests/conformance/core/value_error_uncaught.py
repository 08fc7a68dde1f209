line = "3,4,five"
for part in line.split(","):
    n = int(part)
    print(n * n)
