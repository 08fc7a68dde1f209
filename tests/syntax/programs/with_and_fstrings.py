with (): pass
with (a, *b): pass
with (a := 1): pass
with (a := 1, b): pass
with (
  a as b,
  c as d
): pass
async def f():
    async with (a as b, c): pass
with (a) as b, (c) as d: pass
with (a, b), c: pass
with (a).b as c: pass
with (yield): pass
x = f'{a!r:^{w}}' f"{b}" 'c'
x = f'{a:{b}{c}}'
x = f'''{a
!r}'''
print(f'{x!r:>{width}.{prec}}')
x = f'{x:>10}' f'{y:<{z}}'
