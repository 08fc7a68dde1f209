# Missing colon after an if condition.
print("never printed")
def check(n):
    if n > 10
        return "big"
    return "small"
print(check(3))
