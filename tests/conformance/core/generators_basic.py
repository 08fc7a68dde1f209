def countdown(n):
    print("starting countdown")
    while n > 0:
        yield n
        n -= 1
    print("countdown done")
gen = countdown(3)
print(type(gen).__name__)
print(next(gen))
print(next(gen), next(gen))
try:
    next(gen)
except StopIteration as e:
    print("StopIteration", e.value, repr(e))
print(list(countdown(2)))
for v in countdown(2):
    print("got", v)
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def evens(limit):
    for i in range(limit):
        if i % 2 == 0:
            yield i
print(sum(evens(10)), max(evens(7)), list(evens(0)))
g = evens(5)
print(iter(g) is g, list(g), list(g))
