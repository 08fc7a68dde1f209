def greet(name, punctuation="!"):
    """Return a greeting."""
    return f"Hello, {name}{punctuation}"
print(greet.__name__, greet.__doc__, greet.__defaults__, greet.__qualname__)
say = greet
print(say("Ann"), say is greet, callable(say))
def apply(func, *args, **kwargs):
    return func(*args, **kwargs)
print(apply(greet, "Bob", punctuation="?"), apply(max, 3, 9, 4), apply(sorted, [3, 1, 2], reverse=True))
handlers = {"upper": str.upper, "title": str.title, "reverse": lambda s: s[::-1]}
for key in ["upper", "title", "reverse"]:
    print(key, handlers[key]("async tulip"))
greet.calls = 0
greet.calls += 1
print(greet.calls, sorted(k for k in vars(greet)))
def undocumented():
    pass
print(undocumented.__doc__, undocumented(), type(undocumented).__name__)
class Widget:
    def method(self):
        return "bound"
w = Widget()
bound = w.method
print(bound(), bound.__self__ is w, bound.__func__ is Widget.method, Widget.method(w))
funcs = [abs, str, len, sum]
print([f.__name__ for f in funcs], [f([-1]) if f is sum else f(-1) if f is abs else f("ab") for f in funcs])
