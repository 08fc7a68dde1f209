for n in [-3, 0, 5]:
    sign = "negative" if n < 0 else "zero" if n == 0 else "positive"
    print(n, sign)
x = 7
print("odd" if x % 2 else "even", (1 if x > 5 else 0) + 10, [1, 2][0 if x else 1])
def side(label, value):
    print("evaluated", label)
    return value
print(side("a", "A") if side("cond", False) else side("b", "B"))
print(max(3, 9) if True else min(3, 9), None if not x else x * 2)
label = ("big" if x > 100 else "medium") if x > 5 else "small"
print(label, [("even" if i % 2 == 0 else "odd") for i in range(3)])
