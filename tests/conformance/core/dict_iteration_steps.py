# `for` over a dict, its keys, values and items, which the fast loop steps itself: holes left
# by deletions, values changed while iterating, nested loops over one dict, and the errors
# for a dict that changes size or keys during iteration.


def walk(d):
    out = []
    for k in d:
        out.append(k)
    for v in d.values():
        out.append(v)
    for k, v in d.items():
        out.append((k, v))
    for pair in d.items():
        out.append(pair)
    return out


d = {i: str(i) for i in range(8)}
for k in [0, 3, 4, 7]:
    del d[k]
print(walk(d))
print(walk({}))
d["new"] = "x"
d[0] = "back"
print(walk(d))

scores = {"a": 1, "b": 2, "c": 3}
for k in scores:
    scores[k] *= 10
print(scores)
for k, v in scores.items():
    scores[k] = v + 1
print(scores)
print([(a, b) for a in scores for b in scores.values()])

it = iter(scores.items())
print(next(it), list(it), list(it))

for mutate in ["add", "remove", "swap"]:
    m = {1: 1, 2: 2, 3: 3}
    try:
        for k in m:
            if mutate == "add":
                m[k + 10] = 0
            elif mutate == "remove":
                del m[k]
            elif k == 1:
                # (Once, into a table with room: CPython's compaction on a resize would hide
                # the change.)
                del m[k]
                m[k + 100] = 0
        print(mutate, "finished", m)
    except RuntimeError as e:
        print(mutate, "RuntimeError", e)

for view in ["keys", "values", "items"]:
    m = {1: 1, 2: 2}
    try:
        for x in getattr(m, view)():
            m[len(m) + 5] = 0
    except RuntimeError as e:
        print(view, "RuntimeError", e)


def in_function():
    counts = {}
    for w in "the cat and the hat and the bat".split():
        counts[w] = counts.get(w, 0) + 1
    total = 0
    for w, c in counts.items():
        total += len(w) * c
    return total, sorted(counts), sum(counts.values())


print(in_function())
