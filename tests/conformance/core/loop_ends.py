# Loops over lists, tuples, strs and ranges end in the run loop's fast path: the iterator is
# dropped and the `else` runs; an exhausted list iterator stays exhausted when the list grows.
items = [1, 2, 3]
it = iter(items)
for x in it:
    pass
else:
    print("list done", x)
items.append(4)
print(list(it), next(it, "still exhausted"))

for container in ([], (), "", range(0), [5], (6, 7), "ab", range(3, 0, -1), "héllo"):
    seen = []
    for v in container:
        seen.append(v)
    else:
        seen.append("else")
    print(type(container).__name__, seen)

total = 0
for i in range(5):
    for j in "xyz":
        for k in (1, 2):
            total += k
print(total)


def gen_loop():
    out = []
    for c in "abc":
        out.append(c)
        yield c
    return out


print(list(gen_loop()))
squares = [n * n for n in range(6) if n % 2]
print(squares, {c for c in "banana"} == set("banana"))
t = iter((1, 2))
print([v for v in t], list(t), next(t, "end"))
