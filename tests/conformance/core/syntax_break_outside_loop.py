def f(n):
    if n > 1:
        break
    return n
print(f(2))
