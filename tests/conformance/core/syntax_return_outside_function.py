values = [1, 2, 3]
for v in values:
    if v == 2:
        return v
print("done")
