class Settings:
    theme = "dark"
    def __init__(self):
        self.volume = 5
s = Settings()
print(getattr(s, "volume"), getattr(s, "theme"), getattr(s, "missing", None), getattr(Settings, "theme"))
setattr(s, "volume", 11)
setattr(s, "new_attr", [1, 2])
print(s.volume, s.new_attr, hasattr(s, "new_attr"), hasattr(s, "nope"), hasattr(Settings, "volume"))
delattr(s, "new_attr")
print(hasattr(s, "new_attr"), vars(s))
for name in ["volume", "theme"]:
    print(name, "=", getattr(s, name))
print(sorted(vars(s)), [n for n in dir(s) if not n.startswith("_")])
print(callable(getattr(s, "__init__")), callable(s.volume))
try:
    getattr(s, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    delattr(s, "theme")
except AttributeError as e:
    print("AttributeError:", e)
try:
    setattr(5, "x", 1)
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(s, 5)
except TypeError as e:
    print("TypeError:", e)
