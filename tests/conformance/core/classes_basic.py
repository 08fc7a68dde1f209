class Dog:
    species = "canis familiaris"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def bark(self, times=1):
        return " ".join(["woof"] * times) + f" from {self.name}"
    def birthday(self):
        self.age += 1
        return self
rex = Dog("rex", 3)
fido = Dog("fido", 5)
print(rex.bark(), fido.bark(2), Dog.count, rex.count)
print(rex.birthday().birthday().age, fido.age)
print(rex.species, Dog.species, rex.species is Dog.species)
rex.species = "robot dog"
print(rex.species, fido.species, Dog.species)
print(vars(rex), type(rex).__name__, type(rex) is Dog, isinstance(rex, Dog))
method = rex.bark
print(method(3), Dog.bark(fido), type(method).__name__)
print(Dog.__name__, Dog.__qualname__, Dog.bark.__name__, Dog.__module__)
print(hasattr(rex, "name"), hasattr(rex, "owner"), getattr(rex, "owner", "nobody"))
class Empty:
    pass
e = Empty()
e.anything = 1
print(e.anything, vars(e), Empty.__bases__[0].__name__)
