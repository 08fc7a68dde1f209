print(2 ** -1, 2 ** -2, 10 ** -3)
print((-2) ** 3, (-2) ** -3, (-2) ** 2)
print(2.0 ** 10, 4 ** 0.5, 8 ** (1 / 3))
print(0 ** 0, 0.0 ** 0, 1 ** -5)
print(pow(2, 10), pow(2, -1), pow(2, 10, 1000), pow(3, -1, 7), pow(-3, 3, 5))
print(type(2 ** 3).__name__, type(2 ** -3).__name__)
print(10 ** 20, 10.0 ** 20, 10 ** 22 == 10.0 ** 22)
try:
    print(0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(0.0 ** -1)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    print(pow(2, 3, 0))
except ValueError as e:
    print("ValueError:", e)
print(-2 ** 0.5 if False else -(2 ** 0.5))
print(2 ** 0.5, 1.5 ** 2, 1e2 ** 2)
