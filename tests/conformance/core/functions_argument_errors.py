def f(a, b, c=3):
    return a + b + c
def g(a, /, b, *, c):
    return a, b, c
calls = [
    lambda: f(1),
    lambda: f(),
    lambda: f(1, 2, 3, 4),
    lambda: f(1, 2, d=5),
    lambda: f(1, 2, a=5),
    lambda: g(a=1, b=2, c=3),
    lambda: g(1, 2, 3),
    lambda: g(1, 2),
    lambda: f(*[1], **{"b": 2, "c": 3, "e": 0}),
    lambda: len(),
    lambda: len([1], [2]),
    lambda: (lambda x: x)(),
    lambda: int("1", "2", "3"),
]
for call in calls:
    try:
        print(call())
    except TypeError as e:
        print("TypeError:", e)
print(f(1, 2), f(1, b=2), f(c=0, b=1, a=1), g(1, 2, c=3), g(1, b=2, c=3))
