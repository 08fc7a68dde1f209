# Slices written with literal ints (compiled to one shared constant) behave like slices built at
# run time: on every sequence type, in stores and deletes, and as seen by __getitem__.


class Seen:
    def __getitem__(self, index):
        return index


def reads():
    out = []
    for s in ["abcdefgh", "", "a", "héllo wörld", b"bytes!", [1, 2, 3, 4, 5], (9, 8, 7), range(10)]:
        out.append((s[::-1], s[::2], s[1::3], s[-3:], s[:-1], s[5:1:-1], s[::-2], s[-1:-4:-1],
                    s[100:], s[:-100], s[::1], s[0:0]))
    return out


for row in reads():
    print(row)
seen = Seen()
a = seen[::-1]
b = seen[::-1]
print(a, b, seen[1:2], seen[-1:], seen[:None:3], seen[x:] if (x := 4) else None)
print(type(a).__name__, a == b, a.start, a.stop, a.step, hash(a) if False else "")
xs = list(range(10))
xs[::2] = "abcde"
print(xs)
xs[1:3] = []
print(xs)
del xs[::-3]
print(xs)
n = 10 ** 20
print("abc"[:n], "abc"[-n:], "abc"[::-n])
for bad in [lambda: "abc"[::0], lambda: [1][::0], lambda: "abc"[1.5:]]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)


def loop():
    words = ["alpha", "beta", "gamma"]
    return [w[::-1] for w in words * 2] + [w[1:-1] for w in words]


print(loop())


# Python code never sees one constant slice twice: each evaluation hands out a new object.
class Keeps:
    def __init__(self):
        self.seen = []

    def __getitem__(self, k):
        self.seen.append(k)
        return k

    def __setitem__(self, k, v):
        self.seen.append(k)

    def __delitem__(self, k):
        self.seen.append(k)

    def __class_getitem__(cls, k):
        return k


keeps = Keeps()
for _ in range(2):
    keeps[::-1]
    keeps[1:2] = 0
    del keeps[:3]
got = keeps.seen
print(got[0] is got[3], got[1] is got[4], got[2] is got[5], got[0] == got[3])
print(Keeps[::2] is Keeps[::2], [Keeps[1:] for _ in range(2)])
shared = slice(1, 3)
print(keeps[shared] is shared)
