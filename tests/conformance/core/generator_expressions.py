squares = (x * x for x in range(5))
print(type(squares).__name__, sum(squares), sum(squares))
print(sum(x for x in range(101) if x % 2 == 0), max(len(w) for w in ["a", "abc", "ab"]))
print(any(x > 3 for x in [1, 5, 2]), all(x > 0 for x in [1, 2, -1]), any(()), all(()))
def noisy(n):
    print("producing", n)
    return n
gen = (noisy(i) for i in range(3))
print("created")
print(next(gen))
print(list(gen))
def first_match():
    return next((x for x in range(10) if x * x > 20), None)
print(first_match(), next((x for x in [] ), "none found"))
def check(x):
    print("check", x)
    return x > 1
print(any(check(x) for x in [0, 1, 2, 3]))
print(list(zip((c for c in "ab"), (n for n in range(9)))))
print(dict((k, len(k)) for k in ["aa", "b"]), tuple(x for x in "hi"), sorted(x % 3 for x in range(6)))
try:
    bad = (1 / x for x in [1, 0])
    print(list(bad))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    g = (x for x in 5)
except TypeError as e:
    print("TypeError at creation:", e)
