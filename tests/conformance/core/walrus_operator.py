data = [4, 8, 15, 16, 23, 42]
if (n := len(data)) > 5:
    print(f"list is long ({n} elements)")
print([y for x in data if (y := x * 2) > 30], y)
chunks = iter(["ab", "cd", "", "ef"])
while (chunk := next(chunks)):
    print("chunk", chunk)
values = [v for x in range(6) if (v := x ** 2) % 2 == 0]
print(values, v)
def f(x):
    return x * 10
print([fx for x in range(4) if (fx := f(x)) > 15])
print((total := 5) + total, total)
stack = [1, 2, 3]
while stack and (top := stack.pop()) != 1:
    print("popped", top)
print("stopped at", top, stack)
print(any((hit := w).startswith("t") for w in ["apple", "tulip", "tree"]), hit)
