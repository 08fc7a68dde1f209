def report(items):
    for item in items:
        print("item:", item)
    print("total:", totl)
report(["a", "b"])
