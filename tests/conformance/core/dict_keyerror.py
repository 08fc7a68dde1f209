prices = {"tea": 3, "cake": 5}
for key in ["tea", "coffee"]:
    try:
        print(key, prices[key])
    except KeyError as e:
        print("KeyError caught:", e, repr(e), e.args)
grid = {(0, 0): 1}
try:
    grid[(1, 2)]
except KeyError as e:
    print("KeyError:", e)
try:
    {1: 2}[3]
except LookupError as e:
    print(type(e).__name__, e)
try:
    {}[""]
except KeyError as e:
    print("empty key:", e)
try:
    {[1]: 2}
except TypeError as e:
    print("TypeError:", e)
try:
    {}[{}]
except TypeError as e:
    print("TypeError:", e)
print("now an uncaught one")
print(prices["milk"])
