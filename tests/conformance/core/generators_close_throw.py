def worker():
    print("worker start")
    try:
        while True:
            try:
                item = yield
                print("processing", item)
            except ValueError as e:
                print("recovered from", repr(e))
    finally:
        print("worker cleanup")
w = worker()
next(w)
w.send("a")
w.throw(ValueError("bad item"))
w.send("b")
w.close()
print("closed")
w.close()
try:
    w.send("c")
except StopIteration:
    print("send after close -> StopIteration")
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        print("got GeneratorExit")
        raise
s = stubborn()
next(s)
s.close()
def unhandled():
    yield 1
u = unhandled()
next(u)
try:
    u.throw(KeyError("k"))
except KeyError as e:
    print("propagated KeyError", e)
def bad_close():
    try:
        yield 1
    except GeneratorExit:
        yield 2
b = bad_close()
next(b)
try:
    b.close()
except RuntimeError as e:
    print("RuntimeError:", e)
def never_started():
    print("body")
    yield
ns = never_started()
ns.close()
print("closing a never-started generator runs nothing")
