def average(values):
    assert len(values) > 0, "cannot average an empty list"
    return sum(values) / len(values)
print(average([1, 2, 3]))
print(average([]))
