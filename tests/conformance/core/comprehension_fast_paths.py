# List and dict comprehension steps, which the fast loop runs for lists and for str or int
# keys, and hands to the VM otherwise: nested loops, conditions, repeated and mixed keys,
# keys with Python-level __eq__/__hash__, unhashable keys, and errors midway.


class Key:
    def __init__(self, n):
        self.n = n

    def __hash__(self):
        return hash(self.n)

    def __eq__(self, other):
        return isinstance(other, Key) and other.n == self.n or other == self.n

    def __repr__(self):
        return f"Key({self.n})"


words = ["alpha", "beta", "gamma", "alpha", "delta"]
print([w.upper() for w in words])
print([(a, b) for a in range(3) for b in "xy" if a != 1])
print([[c for c in w if c in "aeiou"] for w in words])
print({w: len(w) for w in words})
print({i: i * i for i in range(-3, 4)})
print({i % 3: i for i in range(10)})
print({k: v for k, v in zip([1, 1.0, True, "1"], "abcd")})
print({1.5: "x", **{k: 0 for k in (1, 2)}})
print({k: str(k) for k in [Key(1), 1, Key(2), 2]})
print({x: y for x in "ab" for y in range(3)})
nested = {w: {c: w.count(c) for c in w} for w in ["noon", "abc"]}
print(nested)
try:
    print({[i]: i for i in range(3)})
except TypeError as e:
    print("TypeError", e)


def boom(i):
    if i == 2:
        raise ValueError("stop at 2")
    return i


try:
    print([boom(i) for i in range(5)])
except ValueError as e:
    print("ValueError", e)
try:
    print({i: boom(i) for i in range(5)})
except ValueError as e:
    print("ValueError", e)


def in_function(n):
    squares = {k: k * k for k in range(n)}
    evens = [v for v in squares.values() if v % 2 == 0]
    return len(squares), sum(evens), {s: i for i, s in enumerate(map(str, evens))}


print(in_function(10))
print(sorted({c for c in "mississippi"}))
gen = ([x, y] for x in range(2) for y in range(2))
print(list(gen))
