def matmul(a, b):
    return [[sum(a[i][k] * b[k][j] for k in range(len(b))) for j in range(len(b[0]))] for i in range(len(a))]
def transpose(m):
    return [list(row) for row in zip(*m)]
def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]
def determinant(m):
    if len(m) == 1:
        return m[0][0]
    if len(m) == 2:
        return m[0][0] * m[1][1] - m[0][1] * m[1][0]
    total = 0
    for c in range(len(m)):
        minor = [row[:c] + row[c + 1:] for row in m[1:]]
        total += (-1) ** c * m[0][c] * determinant(minor)
    return total
def show(m):
    for row in m:
        print(" ".join(f"{x:>5}" for x in row))
a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
show(matmul(a, b))
show(transpose(a))
print(matmul(identity(2), [[5, 6], [7, 8]]))
print(determinant([[2, 0, 1], [1, 3, 2], [1, 1, 1]]), determinant([[1, 2], [3, 4]]), determinant(identity(4)))
m = [[1.5, 2], [0.25, -1]]
show(matmul(m, m))
spiral = []
grid = [[r * 4 + c for c in range(4)] for r in range(3)]
while grid:
    spiral += grid.pop(0)
    grid = [list(row) for row in zip(*grid)][::-1]
print(spiral)
