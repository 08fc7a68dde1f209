def accumulator():
    total = 0
    while True:
        value = yield total
        if value is None:
            break
        total += value
    return f"final {total}"
acc = accumulator()
print(next(acc))
print(acc.send(10))
print(acc.send(5))
try:
    acc.send(None)
except StopIteration as e:
    print("StopIteration value:", e.value)
def echo():
    received = yield "ready"
    while True:
        received = yield f"echo: {received}"
e = echo()
print(e.send(None), e.send("a"), e.send("b"))
fresh = echo()
try:
    fresh.send("too early")
except TypeError as e:
    print("TypeError:", e)
def gen_return():
    yield 1
    return 99
g = gen_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("returned", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("exhausted again", e.value)
