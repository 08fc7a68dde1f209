# Generators: lazy sequences, send(), and yield from.
def countdown(n):
    while n > 0:
        yield n
        n -= 1


def running_total():
    total = 0
    while True:
        value = yield total
        total += value


def chain(*iterables):
    for it in iterables:
        yield from it


print(list(countdown(5)))
acc = running_total()
next(acc)
for v in [10, 20, 30]:
    print("total:", acc.send(v))
print(list(chain("ab", range(3), countdown(2))))
print(sum(x * x for x in range(10) if x % 2))
