n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n =", n)
else:
    print("while finished normally, n =", n)
n = 0
while True:
    n += 1
    if n > 3:
        break
    print("loop", n)
else:
    print("never printed")
print("after break", n)
count = 0
while count < 3:
    count += 1
else:
    print("else after", count)
x = 27
steps = 0
while x != 1:
    x = x // 2 if x % 2 == 0 else 3 * x + 1
    steps += 1
print("collatz steps", steps)
i = 0
while i < 3:
    j = 0
    while j < 3:
        if j == i:
            break
        print(i, j)
        j += 1
    i += 1
