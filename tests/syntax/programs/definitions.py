def f(a, b=1, *args, c, d=2, **kw) -> int:
    return a
def f(a, /, b, *, c): pass
def f(a=1, /, b=2): pass
def f(*, a=1, b): pass
def f(a: int, *b: str, **c: float): pass
@dec
@dec2(1)
def f(): pass
@a.b.c
class A(B, C, metaclass=M, **kw):
    x = 1
class A: pass
class A(): pass
async def f():
    await x
    async for a in b: pass
    async with c as d, e: pass
    return [x async for x in y]
x = lambda: 0
y = lambda a, b=1, *c, d, e=2, **f: a
z = lambda *, a: a
w = lambda a, /: a
def g():
    x = yield
    y = yield 1
    z = yield 1, 2
    w = yield from g()
    yield
    await (yield)
    print((yield))
class A(x, y=1,): pass
def f(a, b,): pass
def f(*a,): pass
def f(**a,): pass
lambda a,: 0
