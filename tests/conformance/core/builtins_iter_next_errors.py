try:
    next([1, 2])
except TypeError as e:
    print("TypeError:", e)
try:
    next(iter([]))
except StopIteration as e:
    print("StopIteration:", repr(e), e.value)
it = iter("ab")
print(next(it), next(it), next(it, None), next(it, "end"))
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(None)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(len, 1, 2)
except TypeError as e:
    print("TypeError:", e)
try:
    iter(5, 0)
except TypeError as e:
    print("TypeError:", e)
state = {"n": 0}
def tick():
    state["n"] += 1
    return state["n"]
print(list(iter(tick, 4)))
l = [1, 2, 3]
li = iter(l)
print(next(li), list(li), list(li), type(li).__name__, type(iter(())).__name__, type(iter(range(2))).__name__)
print(type(iter({})).__name__, type(iter({}.values())).__name__, type(iter({}.items())).__name__, type(iter(set())).__name__, type(iter("")).__name__)
d = {"a": 1}
di = iter(d)
d["b"] = 2
try:
    next(di)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1}
si = iter(s)
s.add(2)
try:
    next(si)
except RuntimeError as e:
    print("RuntimeError:", e)
g = (x * 2 for x in range(3))
print(next(g), list(g), next(g, "done"), type(g).__name__)
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
c = Countdown(3)
print(list(c), list(c), [x for x in Countdown(2)], sum(Countdown(4)), sorted(Countdown(3)), tuple(Countdown(2)))
class BadIter:
    def __iter__(self):
        return [1, 2]
try:
    for _ in BadIter():
        pass
except TypeError as e:
    print("TypeError:", e)
class NoNext:
    def __iter__(self):
        return self
try:
    iter(NoNext())
except TypeError as e:
    print("TypeError:", e)
try:
    for x in 3.5:
        pass
except TypeError as e:
    print("TypeError:", e)
try:
    a, b = [1, 2, 3]
except ValueError as e:
    print("ValueError:", e)
try:
    a, b, c = "xy"
except ValueError as e:
    print("ValueError:", e)
try:
    a, b = 7
except TypeError as e:
    print("TypeError:", e)
first, *middle, last = range(6)
print(first, middle, last)
