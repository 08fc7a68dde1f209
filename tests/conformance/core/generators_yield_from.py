def inner():
    got = yield "inner-1"
    print("inner got", got)
    yield "inner-2"
    return "inner result"
def outer():
    yield "outer-start"
    result = yield from inner()
    print("yield from returned", result)
    yield from [10, 20]
    yield from range(2)
    return "outer done"
g = outer()
print(next(g))
print(next(g))
print(g.send("sent value"))
print(list(g))
def chain(*iterables):
    for it in iterables:
        yield from it
print(list(chain("ab", [1, 2], (x * x for x in range(3)))))
def tree_walk(node):
    yield node["name"]
    for child in node.get("children", []):
        yield from tree_walk(child)
tree = {"name": "root", "children": [{"name": "a", "children": [{"name": "a1"}]}, {"name": "b"}]}
print(list(tree_walk(tree)))
def delegator():
    r = yield from sub()
    yield f"sub returned {r}"
def sub():
    yield 1
    return 2
print(list(delegator()))
