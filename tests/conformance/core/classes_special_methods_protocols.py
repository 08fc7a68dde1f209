class Grid:
    def __init__(self, w, h):
        self.w, self.h = w, h
        self.cells = {}
    def __len__(self):
        return self.w * self.h
    def __getitem__(self, pos):
        x, y = pos
        if not (0 <= x < self.w and 0 <= y < self.h):
            raise IndexError(f"cell {pos} out of range")
        return self.cells.get(pos, ".")
    def __setitem__(self, pos, value):
        self.cells[pos] = value
    def __delitem__(self, pos):
        del self.cells[pos]
    def __contains__(self, value):
        return value in self.cells.values()
    def __iter__(self):
        for y in range(self.h):
            yield "".join(self[x, y] for x in range(self.w))
    def __bool__(self):
        return bool(self.cells)
    def __repr__(self):
        return f"Grid({self.w}x{self.h}, {len(self.cells)} set)"
g = Grid(3, 2)
print(len(g), bool(g), g, g[0, 0], "#" in g)
g[1, 1] = "#"
g[0, 0] = "@"
print(list(g), "#" in g, bool(g), repr(g), str(g), f"{g!r}")
del g[0, 0]
print(list(g))
try:
    g[5, 5]
except IndexError as e:
    print("IndexError:", e)
try:
    del g[2, 0]
except KeyError as e:
    print("KeyError:", e)
class Money:
    def __init__(self, cents):
        self.cents = cents
    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents
    def __hash__(self):
        return hash(self.cents)
    def __lt__(self, other):
        return self.cents < other.cents
    def __repr__(self):
        return f"${self.cents / 100:.2f}"
    def __add__(self, other):
        if isinstance(other, int):
            return Money(self.cents + other)
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return NotImplemented
    __radd__ = __add__
    def __neg__(self):
        return Money(-self.cents)
    def __call__(self, factor):
        return Money(self.cents * factor)
wallet = [Money(500), Money(150), Money(500), Money(75)]
print(sorted(wallet), max(wallet), min(wallet), sum(wallet), sum(wallet, Money(0)))
print(len(set(wallet)), Money(1) == Money(1), Money(1) != Money(2), Money(1) in wallet, Money(500) in wallet, {Money(75): "x"}[Money(75)])
print(-Money(5), Money(10)(3), 5 + Money(1), Money(1) + 5)
try:
    Money(1) + "x"
except TypeError as e:
    print("TypeError:", e)
try:
    Money(1) > 3
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
class Ordered:
    def __init__(self, v):
        self.v = v
    def __lt__(self, other):
        print(f"  {self.v} < {other.v}")
        return self.v < other.v
    def __repr__(self):
        return f"O{self.v}"
print(sorted([Ordered(3), Ordered(1), Ordered(2)]))
print(max([Ordered(2), Ordered(5), Ordered(4)]))
class NoLen:
    pass
try:
    len(NoLen())
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()[0]
except TypeError as e:
    print("TypeError:", e)
try:
    NoLen()()
except TypeError as e:
    print("TypeError:", e)
try:
    1 in NoLen()
except TypeError as e:
    print("TypeError:", e)
class BadLen:
    def __len__(self):
        return -1
try:
    len(BadLen())
except ValueError as e:
    print("ValueError:", e)
