class Date:
    created = 0
    def __init__(self, year, month, day):
        self.year, self.month, self.day = year, month, day
        Date.created += 1
    @classmethod
    def from_string(cls, text):
        y, m, d = map(int, text.split("-"))
        return cls(y, m, d)
    @staticmethod
    def is_leap(year):
        return year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
    def __repr__(self):
        return f"{type(self).__name__}({self.year}, {self.month}, {self.day})"
class BirthDate(Date):
    pass
d = Date.from_string("2024-02-29")
b = BirthDate.from_string("1990-07-04")
print(d, b, type(b).__name__, Date.created)
print(Date.is_leap(2024), Date.is_leap(1900), d.is_leap(2000), BirthDate.is_leap(2023))
print(d.from_string("2000-01-01"), type(Date.__dict__["is_leap"]).__name__, type(Date.__dict__["from_string"]).__name__)
class Registry:
    _items = []
    @classmethod
    def register(cls, item):
        cls._items.append(item)
        return len(cls._items)
    @classmethod
    def count(cls):
        return len(cls._items)
print(Registry.register("a"), Registry.register("b"), Registry.count(), Registry().count())
class Math:
    @staticmethod
    def add(a, b):
        return a + b
    double = staticmethod(lambda x: x * 2)
print(Math.add(2, 3), Math().add(1, 1), Math.double(21))
