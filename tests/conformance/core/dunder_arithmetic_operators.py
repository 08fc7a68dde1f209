class Vector:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Vector({self.x}, {self.y})"
    def __add__(self, other):
        if not isinstance(other, Vector):
            return NotImplemented
        return Vector(self.x + other.x, self.y + other.y)
    def __sub__(self, other):
        return Vector(self.x - other.x, self.y - other.y)
    def __mul__(self, k):
        if isinstance(k, (int, float)):
            return Vector(self.x * k, self.y * k)
        return NotImplemented
    def __rmul__(self, k):
        return self * k
    def __truediv__(self, k):
        return Vector(self.x / k, self.y / k)
    def __floordiv__(self, k):
        return Vector(self.x // k, self.y // k)
    def __mod__(self, k):
        return Vector(self.x % k, self.y % k)
    def __pow__(self, k):
        return Vector(self.x ** k, self.y ** k)
    def __neg__(self):
        return Vector(-self.x, -self.y)
    def __pos__(self):
        return self
    def __abs__(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, other):
        return isinstance(other, Vector) and (self.x, self.y) == (other.x, other.y)
    def __matmul__(self, other):
        return self.x * other.x + self.y * other.y
v, w = Vector(3, 4), Vector(1, -2)
print(v + w, v - w, v * 2, 3 * v, v / 2, v // 2, v % 2, v ** 2, -v, +v, abs(v), v @ w)
print(v == Vector(3, 4), v != w, v == 5)
total = Vector(0, 0)
for vec in [v, w, v]:
    total += vec
print(total)
for expr in [lambda: v + 1, lambda: 1 + v, lambda: v * "s", lambda: v < w]:
    try:
        print(expr())
    except TypeError as e:
        print("TypeError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        return Money(self.cents + other.cents)
    __radd__ = __add__
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
print(sum([Money(150), Money(275), Money(5)]), Money(99) + 1)
