for v in [0.5, 1.5, 2.5, 3.5, -0.5, -1.5, -2.5, 0.49999999999999994, 4.5]:
    print(v, round(v))
print(round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2))
print(round(3.14159, 3), round(3.14159, 0), round(-3.14159, 1), round(1e-10, 5))
print(round(1234, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(15, -1), round(25, -1))
print(round(1234.5678, -2), round(5, 2), type(round(5, 2)).__name__, type(round(5.5, 0)).__name__)
print(round(10 ** 20 + 50, -2), round(0.0), round(-0.0, 1))
print([round(x / 10) for x in range(0, 40, 5)])
