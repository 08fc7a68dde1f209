def show(items):
    for item in items:
        prnt("item", item)
show([1, 2])
