def factorial(n):
    return 1 if n <= 1 else n * factorial(n - 1)
print([factorial(i) for i in range(8)], factorial(30))
def fib(n, memo={}):
    if n < 2:
        return n
    if n not in memo:
        memo[n] = fib(n - 1) + fib(n - 2)
    return memo[n]
print([fib(i) for i in range(15)], fib(90))
moves = []
def hanoi(n, src, dst, via):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src)
hanoi(3, "A", "C", "B")
print(len(moves), moves)
def flatten(x):
    if isinstance(x, list):
        out = []
        for item in x:
            out.extend(flatten(item))
        return out
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], 6, []]))
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
print(depth(500))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(10), is_odd(7), is_even(301))
