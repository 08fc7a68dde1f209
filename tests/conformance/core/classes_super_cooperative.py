class Base:
    def __init__(self, **kwargs):
        print("Base init, leftover", kwargs)
class Named(Base):
    def __init__(self, name, **kwargs):
        print("Named init", name)
        self.name = name
        super().__init__(**kwargs)
class Aged(Base):
    def __init__(self, age, **kwargs):
        print("Aged init", age)
        self.age = age
        super().__init__(**kwargs)
class Person(Named, Aged):
    def __init__(self, **kwargs):
        print("Person init")
        super().__init__(**kwargs)
p = Person(name="ann", age=33, extra=1)
print(p.name, p.age, [c.__name__ for c in Person.__mro__])
class Counter:
    def __init__(self):
        self.value = 0
    def add(self, n):
        self.value += n
        return self
class LoggingCounter(Counter):
    def add(self, n):
        print(f"adding {n}")
        return super().add(n)
class DoubleCounter(LoggingCounter):
    def add(self, n):
        return super(LoggingCounter, self).add(n * 2)
print(LoggingCounter().add(2).add(3).value, DoubleCounter().add(5).value)
class WithClassSuper(Counter):
    @classmethod
    def make(cls):
        obj = cls()
        obj.value = 10
        return obj
print(WithClassSuper.make().add(1).value, type(WithClassSuper.make()).__name__)
