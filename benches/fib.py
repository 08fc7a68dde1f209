# Recursive calls: naive fib(32), about 7 million Python function calls. Measures call frames,
# argument passing, comparison and small-int arithmetic.


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


print(fib(32))
