# The smallest program: print a greeting and a little arithmetic.
name = "tulip"
print(f"Hello from {name}!")
print("2 ** 100 =", 2 ** 100)
print("0.1 + 0.2 =", 0.1 + 0.2)
