# A builtin found through a global name is remembered per module; a global of the same
# name, bound by assignment or through `global`, must still win, and deleting it must bring
# the builtin back.


def size(x):
    return len(x)


print(size("abc"))
len = lambda x: "global len"
print(size("abc"))
del len
print(size("abc"))


def shadow_then_restore():
    global len
    len = lambda x: "declared global"
    r = size("abc")
    del len
    return r, size("abc")


print(shadow_then_restore())
try:
    del len
except NameError as e:
    print("NameError:", e)


def missing():
    return no_such_builtin


try:
    missing()
except NameError as e:
    print("NameError:", e)
no_such_builtin = 5
print(missing())
