names = ["ann", "bob", "cy"]
scores = [90, 75, 88, 100]
print(list(enumerate(names)), list(enumerate(names, start=1)))
print(list(zip(names, scores)), list(zip(names, scores, "xyz")), list(zip()))
print(list(zip(*[(1, "a"), (2, "b"), (3, "c")])))
print(list(map(len, names)), list(map(lambda a, b: a * b, [1, 2, 3], [4, 5])), list(map(str, range(3))))
print(list(filter(None, [0, 1, "", "a", None, [], [0]])), list(filter(str.isupper, "aBcD")))
print(list(reversed(names)), list(reversed(range(3))), "".join(reversed("abc")), list(reversed((1, 2))))
print(sorted(scores), sorted(scores, reverse=True), sorted(names, key=len, reverse=True))
print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), any(x > 95 for x in scores))
it = iter(names)
print(next(it), next(it), next(it), next(it, "done"))
m = map(lambda x: x * 10, [1, 2, 3])
print(type(m).__name__, next(m), list(m), list(m))
z = zip("ab", "cd")
print(type(z).__name__, list(z), type(enumerate([])).__name__, type(reversed([])).__name__)
for i, (name, score) in enumerate(zip(names, scores)):
    print(f"{i}: {name:>4} scored {score}")
