print(abs(-7), abs(3.5), abs(-0.0), abs(True))
print(round(3.7), round(-2.5), round(2.567, 1), round(7, -1))
print(divmod(20, 6), divmod(-20, 6), divmod(7.5, 2), divmod(-7.5, 2))
print(pow(3, 4), pow(2, -2), pow(7, 2, 5), pow(2.0, 3))
print(sum([1, 2, 3]), sum([1, 2, 3], 10), sum([0.1] * 3), sum(range(5), start=-10), sum([]))
print(min(4, 2, 8), max(4, 2, 8), min([5, 1, 3]), max("apple", "fig", key=len), min("bca"))
print(max([], default="empty"), min((), default=None), max([3, 1], default=0))
print(max([(1, "b"), (1, "a")]), min(["B", "a", "C"], key=str.lower), max(-3, 2, key=abs))
print(max([1, 3, 3.0]), max([3.0, 3, 1]), min([[2], [1, 5]]))
for bad in [lambda: min([]), lambda: max(), lambda: sum(["a", "b"]), lambda: abs("x"), lambda: max(1)]:
    try:
        bad()
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
