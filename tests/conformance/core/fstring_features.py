x = 10
name = "Ada"
items = [1, 2, 3]
print(f"{x=}", f"{name=}", f"{x = }", f"{x*2=}", f"{items[1]=}")
print(f"{name!r}", f"{name!s}", f"{x!r}", f"{name=!s}", f"{3.5=:.2f}")
print(f"{'nested' + ' quotes'}", f'{"double"}', f"{x + 1}{x - 1}")
print(f"{len(items)} items, first={items[0]}, sum={sum(items)}")
d = {"k": "v"}
print(f"{d['k']}", f"{d}", f"{items!r:>12}")
width, prec = 10, 3
print(f"|{3.14159265:{width}.{prec}f}|")
print(f"{x if x > 5 else 0}", f"{'yes' if name else 'no'}")
print(f"""multi
line {x}""")
print(f"{x:>5}" f"{name:<5}|" "plain")
class Temp:
    def __init__(self, c):
        self.c = c
    def __format__(self, spec):
        if spec == "F":
            return f"{self.c * 9 / 5 + 32:.1f}F"
        return f"{self.c}C"
    def __repr__(self):
        return f"Temp({self.c})"
t = Temp(100)
print(f"{t}", f"{t:F}", f"{t!r}", f"{t=}")
print(f"{'a':>{x}}|", f"{x:#x}", f"{-x:+}", f"{0.1 + 0.2}")
