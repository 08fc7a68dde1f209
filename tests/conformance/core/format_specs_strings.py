s = "tulip"
print(f"[{s:>10}] [{s:<10}] [{s:^10}] [{s:-^11}] [{s:.3}] [{s:>8.2}]")
print("[{:>10}] [{:<6}] [{:^9}]".format("right", "left", "mid"))
print("{0} {1} {0}".format("a", "b"), "{name} is {age}".format(name="Ann", age=30))
print("{0[1]} {1[key]}".format([10, 20], {"key": "v"}))
class P:
    x = 3
    y = 4
print("{p.x},{p.y}".format(p=P()))
print("{{literal}} {}".format(5), f"{{braces}} {s}")
w = 12
print(f"[{s:>{w}}] [{s:^{w}}] [{3.14159:.{w // 4}f}]")
print("{!r} {!s} {!r}".format("q", "q", 7))
print(format("abc", ">5"), format("abc", "<5") + "|", format(True, ">6"), format(str(None), "^8") + "|")
table = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 100, 12.0)]
for name, qty, price in table:
    print(f"{name:<10}|{qty:>5}|{price:>8.2f}|{qty * price:>10,.2f}")
try:
    print("{:d}".format("x"))
except ValueError as e:
    print("ValueError:", e)
try:
    print(format(None, "^8"))
except TypeError as e:
    print("TypeError:", e)
try:
    print("{} {}".format(1))
except IndexError as e:
    print("IndexError:", e)
