counter = 0
def bump():
    global counter
    counter += 1
    return counter
print(bump(), bump(), counter)
def make_global():
    global created_later
    created_later = "made inside function"
make_global()
print(created_later)
def shadow():
    counter = 100
    return counter
print(shadow(), counter)
def outer():
    level = 1
    def inner():
        nonlocal level
        level += 1
        def innermost():
            nonlocal level
            level *= 10
        innermost()
        return level
    r = inner()
    return r, level
print(outer())
x = "global x"
def read_only():
    return x
def class_scope():
    x = "enclosing"
    class Inner:
        x = "class attr"
        y = x
        def method(self):
            return x
    return Inner.y, Inner().method()
print(read_only(), class_scope())
def loop_builder():
    funcs = []
    for i in range(3):
        def f():
            return i
        funcs.append(f)
    return [g() for g in funcs]
print(loop_builder())
