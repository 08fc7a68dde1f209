# `a, b = x` for a tuple or list of the right length takes a shortcut in the run loop (a tuple
# nobody else holds gives up its items); every other shape, and every wrong length, must behave
# as before.
pair = (["shared"], {"k": 1})
a, b = pair
a.append("seen through the tuple")
print(pair, a is pair[0], b is pair[1])

counts = {"x": 1, "y": 2, "z": 3}
total = 0
for key, value in counts.items():
    total += value
    print(key, value, end="; ")
print(total)

rows = [[1, "one"], [2, "two"]]
for n, word in rows:
    print(n, word)
first, second = rows
first.append("mutated")
print(rows)

x, y = "xy"
print(x, y)
(p, q), r = (1, 2), [3]
print(p, q, r)
g1, g2 = (i * i for i in range(2))
print(g1, g2)
h, *rest = (1, 2, 3)
print(h, rest)

for bad in [(1, 2, 3), (1,), [1, 2, 3], [], "abc", 5, None, {"only": 1}]:
    try:
        u, v = bad
        print("ok", u, v)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)


def swap_all(items):
    out = []
    for a, b in items:
        out.append((b, a))
    return out


print(swap_all([(1, 2), [3, 4], "ab", (x for x in (5, 6))]))
t = (1, 2)
for _ in range(3):
    m, n = t
print(t, m, n)
