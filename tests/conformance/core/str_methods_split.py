line = "  alpha  beta\tgamma\ndelta  "
print(line.split())
print("a,b,,c,".split(","))
print("a,b,c,d".split(",", 2), "a,b,c,d".rsplit(",", 2), "a b c".rsplit(None, 1))
print("k=v=w".split("=", 1), "no-sep".split(","), "".split(), "".split(","))
print("one\ntwo\r\nthree\n".splitlines(), "one\ntwo\n".splitlines(True), "".splitlines())
print("key: value: more".partition(": "), "abc".partition("x"))
print("key: value: more".rpartition(": "), "abc".rpartition("x"))
print("  x  y  ".split(" "))
csv = "name,age,city\nAnn,30,Oslo\nBo,25,Rome"
rows = [r.split(",") for r in csv.splitlines()]
header, *data = rows
for r in data:
    print(dict(zip(header, r)))
try:
    "abc".split("")
except ValueError as e:
    print("ValueError:", e)
