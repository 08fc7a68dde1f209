def trace(func):
    def wrapper(*args, **kwargs):
        print(f"calling {func.__name__}{args} {kwargs}")
        result = func(*args, **kwargs)
        print(f"{func.__name__} returned {result!r}")
        return result
    wrapper.__name__ = func.__name__
    return wrapper
@trace
def add(a, b):
    return a + b
add(2, 3)
add(a=1, b=1)
print(add.__name__)
def repeat(times):
    def decorator(func):
        def wrapper(*args):
            return [func(*args) for _ in range(times)]
        return wrapper
    return decorator
@repeat(3)
def greet(name):
    return "hi " + name
print(greet("ann"))
def tag(label):
    def deco(func):
        print("decorating", func.__name__, "with", label)
        def wrapper():
            return f"<{label}>{func()}</{label}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text():
    return "hello"
print(text())
registry = []
def register(func):
    registry.append(func.__name__)
    return func
@register
def one(): pass
@register
def two(): pass
print(registry, one is not None)
