d = {1: 1}
try:
    for k in d:
        del d[k]
        d[2] = 2
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
for k in d:
    d[k] = 5
print(d)
d = {1: 1}
try:
    for v in d.values():
        d[3] = 3
except RuntimeError as e:
    print("RuntimeError:", e)
d = {1: 1, 2: 2}
try:
    for k, v in d.items():
        d.pop(k)
except RuntimeError as e:
    print("RuntimeError:", e)
s = {1, 2}
try:
    for x in s:
        s.discard(x)
        s.add(x + 10)
except RuntimeError as e:
    print("RuntimeError:", e)
print(s)
l = [1, 2, 3]
for x in l:
    if x == 2:
        l.remove(x)
print(l)
d = dict.fromkeys(range(5))
it = iter(d)
next(it)
d.clear()
try:
    next(it)
except RuntimeError as e:
    print("RuntimeError:", e)
