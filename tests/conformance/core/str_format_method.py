print("{} + {} = {}".format(1, 2, 3))
print("{0}{1}{0}".format("ab", "cd"), "{1}, {0}".format("world", "hello"))
print("{name}: {score:.1f}".format(name="Eve", score=91.25), "{0:>5}|{1:<5}|".format(1, 2))
print("{:*^20}".format(" menu "), "{:=<10}".format(""), "{:08.3f}".format(-1.5))
data = {"user": "kim", "ids": [4, 5]}
print("{d[user]} has {d[ids][1]}".format(d=data), "{0.real}".format(3))
print("{:,}".format(10 ** 9), "{:x}/{:o}/{:b}".format(255, 255, 255), "{:.2%}".format(1 / 3))
fmt = "{:<8}{:>8}"
for row in [("item", "price"), ("tea", "3.50"), ("scone", "2.25")]:
    print(fmt.format(*row))
print("{!r:>10}".format("hi"), "{:{}}".format("x", 4) + "|", "{:{fill}>{w}}".format(7, fill="0", w=3))
try:
    "{missing}".format(x=1)
except KeyError as e:
    print("KeyError:", e)
