class Temperature:
    def __init__(self, celsius):
        self.celsius = celsius
    @property
    def celsius(self):
        print("  (get celsius)")
        return self._c
    @celsius.setter
    def celsius(self, value):
        if value < -273.15:
            raise ValueError(f"{value} is below absolute zero")
        print("  (set celsius)", value)
        self._c = value
    @celsius.deleter
    def celsius(self):
        print("  (delete celsius)")
        del self._c
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temperature(25)
print(t.celsius, t.fahrenheit)
t.celsius = 100
print(t.fahrenheit)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 50
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(hasattr(t, "_c"))
try:
    del t.fahrenheit
except AttributeError as e:
    print("AttributeError:", e)
print(type(Temperature.fahrenheit).__name__, Temperature.celsius.fget.__name__)
class Lazy:
    def __init__(self):
        self._cache = None
    @property
    def data(self):
        if self._cache is None:
            print("  computing...")
            self._cache = [i * i for i in range(5)]
        return self._cache
lz = Lazy()
print(lz.data, lz.data)
class OldStyle:
    def get_x(self):
        return 42
    x = property(get_x)
print(OldStyle().x)
