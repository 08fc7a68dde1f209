def make_counter(start=0):
    count = start
    def increment(step=1):
        nonlocal count
        count += step
        return count
    def peek():
        return count
    return increment, peek
inc, peek = make_counter()
print(inc(), inc(), inc(10), peek())
inc2, peek2 = make_counter(100)
print(inc2(), peek(), peek2())
def make_multipliers_wrong():
    return [lambda x: x * i for i in range(4)]
def make_multipliers_right():
    return [lambda x, i=i: x * i for i in range(4)]
print([f(2) for f in make_multipliers_wrong()], [f(2) for f in make_multipliers_right()])
def outer():
    x = "outer"
    def middle():
        def inner():
            return x
        return inner
    x = "changed before call"
    return middle()()
print(outer())
def accumulator():
    total = []
    def add(v):
        total.append(v)
        return sum(total)
    return add
acc = accumulator()
print(acc(5), acc(10), acc(-3))
print(inc.__name__, make_counter.__name__, inc.__qualname__)
