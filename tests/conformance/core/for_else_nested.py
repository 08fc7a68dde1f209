for n in range(2, 20):
    for d in range(2, n):
        if n % d == 0:
            print(n, "=", d, "*", n // d)
            break
    else:
        print(n, "is prime")
for item in []:
    print("never")
else:
    print("empty loop runs else")
for i in range(3):
    if i == 1:
        continue
    print("i", i)
else:
    print("else after continue-loop")
for i, ch in enumerate("abc"):
    pass
print("loop variable after loop:", i, ch)
matrix = [[1, 2], [3, 4], [5, 6]]
for row in matrix:
    for x in row:
        if x == 4:
            print("found 4")
            break
    else:
        continue
    break
print("row", row)
for x in range(3):
    x = x * 10
    print(x, end=" ")
print()
