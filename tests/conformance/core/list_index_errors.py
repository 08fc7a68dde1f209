items = ["a", "b", "c"]
print(items[0], items[-1], items[-3])
for i in [3, -4, 10]:
    try:
        print(items[i])
    except IndexError as e:
        print(f"items[{i}] ->", type(e).__name__, e)
try:
    items[5] = "z"
except IndexError as e:
    print("IndexError:", e)
try:
    del items[7]
except IndexError as e:
    print("IndexError:", e)
try:
    items["1"]
except TypeError as e:
    print("TypeError:", e)
try:
    items[1.0]
except TypeError as e:
    print("TypeError:", e)
t = (1, 2)
try:
    t[2]
except IndexError as e:
    print("IndexError:", e)
print(items[5:], items[-10:1], items[1:1], items[2:0])
print(items[True], items[False])
