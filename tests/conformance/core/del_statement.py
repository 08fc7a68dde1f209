x = 10
del x
try:
    print(x)
except NameError as e:
    print("NameError:", e)
nums = [0, 1, 2, 3, 4, 5]
del nums[0]
del nums[-1]
print(nums)
del nums[1:3]
print(nums)
d = {"a": 1, "b": 2, "c": 3}
del d["b"]
print(d)
class Obj:
    pass
o = Obj()
o.attr = 5
o.other = 6
del o.attr
print(hasattr(o, "attr"), o.other, vars(o))
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print("NameError:", e)
try:
    del d["zzz"]
except KeyError as e:
    print("KeyError:", e)
try:
    del o.attr
except AttributeError as e:
    print("AttributeError:", e)
def g():
    y = 1
    del y
    return y
try:
    g()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
