s = list(range(10))
print(s[::2], s[1::2], s[::-1], s[::-3], s[8:2:-2], s[-1:-4:-1], s[2:8:3])
print(s[:], s[:3], s[7:], s[-3:], s[3:3], s[5:2], s[-100:100])
text = "slicing is fun"
print(text[::-1], text[::2], text[4:10], text[-3:], text[:-4], text[1:-1:4])
t = tuple(range(6))
print(t[1:5:2], t[::-1], t[4:1:-1])
sl = slice(1, 8, 3)
print(sl, sl.start, sl.stop, sl.step, s[sl], text[sl], slice(5), slice(None, None, -1))
print(sl.indices(5), slice(-3, None).indices(10), slice(None, None, -1).indices(4))
m = list(range(10))
m[::2] = ["a"] * 5
print(m)
m[1:4] = []
print(m)
m[::-1] = m[:]
print(m)
try:
    m[::2] = [1, 2]
except ValueError as e:
    print("ValueError:", e)
try:
    s[::0]
except ValueError as e:
    print("ValueError:", e)
print(s[1:9][::2][1:], "abcdef"[::-2], range(20)[3::4])
