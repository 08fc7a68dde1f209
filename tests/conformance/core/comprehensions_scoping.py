x = "global"
result = [x for x in range(3)]
print(result, x)
i = 99
squares = [i * i for i in range(4)]
print(squares, i)
n = 10
print([n + k for k in range(3)])
class Config:
    base = 5
    values = [v for v in range(3)]
    try:
        scaled = [base * v for v in range(3)]
    except NameError as e:
        print("NameError in class body comprehension:", e)
        scaled = None
    outermost_ok = [v * 2 for v in [base, base + 1]]
print(Config.values, Config.scaled, Config.outermost_ok)
print([lambda: k for k in range(3)][0](), [(lambda k=k: k)() for k in range(3)])
funcs = {name: (lambda name=name: name.upper()) for name in ["a", "b"]}
print(funcs["a"](), funcs["b"]())
total = 0
data = [1, 2, 3]
print([total := total + d for d in data], total)
print([y for y in [y for y in range(3)]], [[y for y in range(z)] for z in range(3)])
