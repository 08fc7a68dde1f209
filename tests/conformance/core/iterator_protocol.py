class Range2:
    def __init__(self, start, stop):
        self.start, self.stop = start, stop
    def __iter__(self):
        current = self.start
        while current < self.stop:
            yield current
            current += 1
r = Range2(1, 4)
print(list(r), list(r), sum(r), 2 in r)
class Squares:
    def __init__(self, n):
        self.i = 0
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.i >= self.n:
            raise StopIteration
        self.i += 1
        return self.i ** 2
s = Squares(4)
print(next(s), list(s), list(s))
class OldStyle:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(OldStyle()), 20 in OldStyle(), [x for x in OldStyle()])
it = iter([10, 20, 30])
print(next(it), list(it))
calls = iter([3, 2, 1, 0, 5]).__next__
print(list(iter(calls, 0)))
d = {"x": 1, "y": 2}
di = iter(d)
print(next(di), next(di), next(di, "end"))
e = enumerate("ab", start=5)
print(next(e), list(e))
try:
    iter(42)
except TypeError as e:
    print("TypeError:", e)
class NotIter:
    def __iter__(self):
        return 5
try:
    iter(NotIter())
except TypeError as e:
    print("TypeError:", e)
