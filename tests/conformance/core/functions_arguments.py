def describe(name, age=0, *hobbies, city="?", **extra):
    print(f"name={name} age={age} hobbies={hobbies} city={city} extra={extra}")
describe("ann")
describe("bob", 30, "chess", "golf", city="Oslo", pet="cat", id=7)
describe(age=5, name="cy")
def pos_only(a, b, /, c, *, d):
    return (a, b, c, d)
print(pos_only(1, 2, 3, d=4), pos_only(1, 2, c=3, d=4))
def append_to(x, target=[]):
    target.append(x)
    return target
print(append_to(1), append_to(2), append_to(3, []))
def safe_append(x, target=None):
    if target is None:
        target = []
    target.append(x)
    return target
print(safe_append(1), safe_append(2))
args = [1, 2]
kwargs = {"c": 3, "d": 4}
print(pos_only(*args, **kwargs))
print(*range(3), sep=", ")
def kw_only(*, x, y=2):
    return x + y
print(kw_only(x=1), kw_only(y=5, x=1))
def returns_nothing():
    pass
print(returns_nothing(), describe.__name__, (lambda: 0).__name__)
def multi():
    return 1, "two", [3]
n, s, l = multi()
print(n, s, l, multi())
