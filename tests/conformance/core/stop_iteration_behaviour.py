it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", repr(e), e.value)
def leaky():
    yield 1
    raise StopIteration("manual")
try:
    print(list(leaky()))
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def uses_next(iterator):
    while True:
        yield next(iterator)
try:
    print(list(uses_next(iter("ab"))))
except RuntimeError as e:
    print("RuntimeError:", e)
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n
print(list(Countdown(3)), [x for x in Countdown(2)])
try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
e = StopIteration(42)
print(e.value, e.args, str(e))
