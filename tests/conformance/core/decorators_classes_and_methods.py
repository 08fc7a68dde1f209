class CountCalls:
    def __init__(self, func):
        self.func = func
        self.calls = 0
    def __call__(self, *args):
        self.calls += 1
        return self.func(*args)
@CountCalls
def square(x):
    return x * x
print(square(3), square(4), square.calls, callable(square))
def memoize(func):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = func(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memoize
def slow_fib(n):
    return n if n < 2 else slow_fib(n - 1) + slow_fib(n - 2)
print(slow_fib(50), len(slow_fib.cache))
def add_greeting(cls):
    cls.greet = lambda self: f"hello from {type(self).__name__}"
    return cls
@add_greeting
class Person:
    pass
print(Person().greet())
def logged(method):
    def wrapper(self, *args):
        print(f"{type(self).__name__}.{method.__name__}{args}")
        return method(self, *args)
    return wrapper
class Account:
    def __init__(self):
        self.balance = 0
    @logged
    def deposit(self, amount):
        self.balance += amount
        return self.balance
acct = Account()
print(acct.deposit(50), acct.deposit(25))
