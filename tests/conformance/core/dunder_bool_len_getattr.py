class Account:
    def __init__(self, balance):
        self.balance = balance
    def __bool__(self):
        print("  __bool__ called")
        return self.balance > 0
    def __len__(self):
        print("  __len__ called")
        return 99
acct = Account(0)
print("truthy" if acct else "falsy", len(acct), not acct)
class Config:
    defaults = {"color": "blue", "size": 10}
    def __init__(self):
        self.explicit = "set directly"
    def __getattr__(self, name):
        print(f"  __getattr__({name!r})")
        if name in self.defaults:
            return self.defaults[name]
        raise AttributeError(f"no config option {name!r}")
c = Config()
print(c.explicit, c.color, c.size, getattr(c, "missing", "fallback"), hasattr(c, "nope"))
try:
    c.unknown
except AttributeError as e:
    print("AttributeError:", e)
class Recorder:
    def __setattr__(self, name, value):
        print(f"  setting {name} = {value!r}")
        super().__setattr__(name, value)
    def __delattr__(self, name):
        print(f"  deleting {name}")
        super().__delattr__(name)
r = Recorder()
r.x = 1
setattr(r, "y", [2])
delattr(r, "x")
print(vars(r), hasattr(r, "x"))
class BadBool:
    def __bool__(self):
        return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
