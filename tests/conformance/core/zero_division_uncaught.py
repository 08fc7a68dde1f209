def ratio(a, b):
    return a / b
results = []
for a, b in [(10, 2), (9, 3), (1, 0)]:
    results.append(ratio(a, b))
    print(results)
