x = 1
[a, *b] = c
x = 1 if y else 2
x = a or b or c and d and not e
x = (a or b) or c
x = a < b <= c != d == e > f >= g is h is not i in j not in k
x = a | b ^ c & d << e >> f + g - h * i / j // k % l @ m ** -n ** ~o
x = 2 ** -1
x = a.b.c[1][2:3](4)(*a, **b)
x = a[1:2, ::3]
y = a[:]
z = a[::]
w = a[1:]
v = a[:2]
u = a[1, 2]
t = a[1,]
s = a[*b]
r = a[x := 1]
f(a, b, *c, d=1, **e)
f(*a, b)
f(b=1, *a)
f(**a, b=1)
f(x for x in y)
f((x for x in y), 1)
f(a,)
print(*a, sep='')
x = [1, 2, *a]
y = {1, 2, *a}
z = {1: 2, **a, 3: 4}
w = ()
v = (1,)
u = (1, 2)
t = []
s = {}
r = (1)
x = [a for b in c if d if e for f in g]
y = {a for b in c}
z = {a: b for c, d in e}
w = (a for b in c)
x = [y := 1, 2]
if (n := len(a)) > 10: pass
while chunk := read(): pass
x = 1; y = 2;
f(*a,)
[1, 2,]
{1: 2,}
x = a if b else c if d else e
x = not not a
x = -2 ** 2
x = a.b(c)[d].e
x = await y
x = [await y async for z in w]
x = (yield)
[a for a in b for c in d]
x[a:b:c]
x[a:b, c]
x[()]
