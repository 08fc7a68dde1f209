class Multiplier:
    def __init__(self, factor):
        self.factor = factor
        self.calls = 0
    def __call__(self, value, *, verbose=False):
        self.calls += 1
        if verbose:
            print(f"  multiplying {value} by {self.factor}")
        return value * self.factor
triple = Multiplier(3)
print(triple(5), triple("ab"), triple(2, verbose=True), triple.calls)
print(list(map(triple, [1, 2, 3])), callable(triple), callable(Multiplier), callable(5), callable(print), callable("s"))
class Pipeline:
    def __init__(self, *steps):
        self.steps = steps
    def __call__(self, value):
        for step in self.steps:
            value = step(value)
        return value
clean = Pipeline(str.strip, str.lower, lambda s: s.replace(" ", "_"))
print(clean("  Hello World  "))
try:
    Multiplier(2)(1, 2)
except TypeError as e:
    print("TypeError:", e)
