class Resource:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print(f"enter {self.name}")
        return self.name.upper()
    def __exit__(self, exc_type, exc, tb):
        print(f"exit {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return self.suppress
with Resource("a") as value:
    print("inside with", value)
with Resource("outer") as o, Resource("inner") as i:
    print("both", o, i)
with Resource("quiet", suppress=True):
    raise ValueError("suppressed")
print("after suppressed error")
try:
    with Resource("loud"):
        raise KeyError("escapes")
except KeyError as e:
    print("caught outside:", e)
try:
    with Resource("first", suppress=True), Resource("second"):
        raise RuntimeError("boom")
except RuntimeError:
    print("not reached")
print("first suppressed it")
with (
    Resource("p1") as x,
    Resource("p2") as y,
):
    print("parenthesized", x, y)
def use():
    with Resource("in function"):
        return "returned from with"
print(use())
for i in range(2):
    with Resource(f"loop{i}"):
        if i == 0:
            continue
        print("body", i)
class NotCM:
    pass
try:
    with NotCM():
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__ + ":", e)
