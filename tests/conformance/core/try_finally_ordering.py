def f():
    try:
        print("try")
        return "from try"
    finally:
        print("finally runs before return")
print(f())
def g():
    try:
        return "try value"
    finally:
        return "finally wins"
print(g())
def h():
    for i in range(3):
        try:
            if i == 1:
                continue
            print("body", i)
        finally:
            print("finally", i)
    return "done"
print(h())
def nested():
    try:
        try:
            print("inner try")
            raise ValueError("inner")
        finally:
            print("inner finally")
    except ValueError as e:
        print("outer caught", e)
    finally:
        print("outer finally")
nested()
def swallow():
    try:
        raise KeyError("lost")
    finally:
        return "exception swallowed by return in finally"
print(swallow())
def break_in_finally():
    while True:
        try:
            raise RuntimeError("dropped")
        finally:
            break
    return "break discarded the exception"
print(break_in_finally())
def order():
    log = []
    try:
        log.append("try")
        1 / 0
    except ZeroDivisionError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(order())
