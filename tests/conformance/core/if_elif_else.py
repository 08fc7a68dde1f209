def classify(n):
    if n < 0:
        return "negative"
    elif n == 0:
        return "zero"
    elif n < 10:
        return "small"
    elif n < 100:
        return "medium"
    else:
        return "large"
for n in [-5, 0, 7, 42, 1000]:
    print(n, classify(n))
def grade(score):
    if score >= 90: return "A"
    if score >= 80: return "B"
    if score >= 70: return "C"
    return "F"
print([grade(s) for s in [95, 85, 75, 50, 90, 89.9]])
x = 15
if x % 3 == 0 and x % 5 == 0:
    print("FizzBuzz")
if not []:
    print("empty list is falsy")
if x:
    pass
else:
    print("unreachable")
if (y := x * 2) > 20:
    print("y is", y)
