# A computed value (a call's result, an attribute, an item) compared with a constant and
# branched on, which the compiler fuses into one instruction: ints, floats, strs, mixed
# numbers, values the fused form hands back (lists, None, big ints) and unorderable operands.


class Box:
    def __init__(self, v):
        self.v = v


def classify(values):
    out = []
    for v in values:
        b = Box(v)
        if len([v] * 3) > 2:
            out.append("len3")
        if b.v == 2:
            out.append("eq2")
        if not b.v < 2.5:
            out.append("ge2.5")
        if b.v != "x":
            out.append("ne-x")
        if [b.v][0] >= -1:
            out.append("ge-1")
    return out


print(classify([1, 2, 3, 2.0, 2.5, True, -1, 2**70]))
print(classify([float("nan"), -(2**70)]))
for bad in ("x", None, [1]):
    try:
        print(classify([bad]))
    except TypeError as e:
        print("TypeError", e)


def count_down(n):
    steps = 0
    box = Box(n)
    while box.v > 0:
        box.v -= 1
        steps += 1
    while not len(str(box.v)) >= 3:
        box.v = box.v * 10 + 1
    return steps, box.v


print(count_down(5), count_down(0), count_down(-2))
words = "alpha beta-3 gamma ab".split()
print([w.upper() if len(w) > 5 else w[::-1] for w in words])
print(["big" if w.count("a") >= 2 else "small" for w in words])
