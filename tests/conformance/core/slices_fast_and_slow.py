# Slices of lists, tuples and strs by ints and None (taken without the general path), and by
# the parts the general path converts or rejects (bools, objects with __index__, big ints,
# a zero step).


class Two:
    def __index__(self):
        return 2


items = list(range(10))
tup = tuple(items)
text = "abcdefghij"
wide = "aé€😀bcdefg"
for start in (None, 0, 3, -3, 12, -12):
    for stop in (None, 5, -1, 20, -20):
        for step in (None, 1, 2, -1, -3):
            s = slice(start, stop, step)
            print(start, stop, step, items[s], tup[s], text[s], wide[s])
print(items[True:], text[:Two()], tup[::Two()], wide[False:Two()])
print(items[2**70:], text[-(2**70):3], tup[:2**70:2**65])
print(items[:: -(2**63)], text[:: -(2**63)], tup[:: -(2**63) + 1], wide[:: -(2**63)], items[:: -(2**70)])
print(text[::-1], wide[::-1], text[::-1][::-1] == text, tup[:] is tup, text[:] is text)
for bad in (slice(None, None, 0), slice("a", None), slice(None, 1.5)):
    for seq in (items, tup, text):
        try:
            seq[bad]
        except (ValueError, TypeError) as e:
            print(type(e).__name__, e)
words = "alpha beta-3 gamma".split()
print([w[::-1] for w in words], [w[1:-1] for w in words], [w[:2] + w[-2:] for w in words])
