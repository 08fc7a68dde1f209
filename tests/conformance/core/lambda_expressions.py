square = lambda x: x * x
add = lambda a, b=10: a + b
print(square(7), add(1), add(1, 2), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b, "*": lambda a, b: a * b, "/": lambda a, b: a / b}
for sym in "+-*/":
    print(f"8 {sym} 2 =", ops[sym](8, 2))
pairs = [(1, "one"), (3, "three"), (2, "two")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: len(p[1])))
print(list(map(lambda x: x ** 2, range(5))), list(filter(lambda x: x % 2, range(10))))
compose = lambda f, g: lambda x: f(g(x))
inc_then_double = compose(lambda x: x * 2, lambda x: x + 1)
print(inc_then_double(5))
print((lambda x: (lambda y: x + y))(3)(4))
fact = lambda n: 1 if n <= 1 else n * fact(n - 1)
print(fact(10), square.__name__, type(square).__name__)
conditional = lambda n: "even" if n % 2 == 0 else "odd"
print([conditional(i) for i in range(4)])
