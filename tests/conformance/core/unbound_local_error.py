total = 10
def broken():
    print("before")
    total += 1
    return total
try:
    broken()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
    print(isinstance(e, NameError))
x = 1
def later_assign():
    print(x)
    x = 2
try:
    later_assign()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def conditional(flag):
    if flag:
        value = "set"
    return value
print(conditional(True))
try:
    conditional(False)
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def closure_problem():
    n = 0
    def inc():
        n += 1
    inc()
try:
    closure_problem()
except UnboundLocalError as e:
    print("UnboundLocalError:", e)
def free_before_assign():
    def get():
        return val
    try:
        get()
    except NameError as e:
        print(type(e).__name__ + ":", e)
    val = 5
    return get()
print(free_before_assign())
