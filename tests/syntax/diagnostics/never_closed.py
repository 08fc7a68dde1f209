result = compute(1, 2
print(result)
