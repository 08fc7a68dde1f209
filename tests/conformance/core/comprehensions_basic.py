nums = [3, 8, 1, 9, 4, 7]
print([n * 2 for n in nums])
print([n for n in nums if n > 4])
print(["even" if n % 2 == 0 else "odd" for n in nums])
print({n % 3 for n in nums})
print({n: n ** 2 for n in nums if n % 2})
words = ["apple", "bob", "kayak", "tulip", "level"]
print([w for w in words if w == w[::-1]])
print({w[0]: w for w in words})
print([(i, c) for i, c in enumerate("abc")])
print([x * y for x in range(1, 4) for y in range(1, 4) if x != y])
print(sum([x for x in range(10)]), len({c for c in "mississippi"}))
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
print(matrix)
print([row[i] for i, row in enumerate(matrix)])
print([[row[c] for row in matrix] for c in range(3)])
print([n for row in matrix for n in row if n % 2 == 0])
