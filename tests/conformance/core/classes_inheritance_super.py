class Shape:
    def __init__(self, name):
        self.name = name
    def area(self):
        raise NotImplementedError(f"{type(self).__name__} must implement area")
    def describe(self):
        return f"{self.name} with area {self.area():.2f}"
class Rectangle(Shape):
    def __init__(self, w, h):
        super().__init__("rectangle")
        self.w, self.h = w, h
    def area(self):
        return self.w * self.h
class Square(Rectangle):
    def __init__(self, side):
        super().__init__(side, side)
        self.name = "square"
    def describe(self):
        return "SQUARE: " + super().describe()
class Circle(Shape):
    def __init__(self, r):
        Shape.__init__(self, "circle")
        self.r = r
    def area(self):
        return 3.14159 * self.r ** 2
for s in [Rectangle(2, 3), Square(4), Circle(1)]:
    print(s.describe())
try:
    Shape("blob").describe()
except NotImplementedError as e:
    print("NotImplementedError:", e)
sq = Square(2)
print(isinstance(sq, Rectangle), isinstance(sq, Shape), isinstance(sq, Circle), issubclass(Square, Shape))
print(issubclass(Square, (Circle, Rectangle)), Square.__bases__[0].__name__, type(sq).__mro__[1].__name__)
print([c.__name__ for c in Square.__mro__])
class Base:
    greeting = "hello"
    def greet(self):
        return self.greeting + " from " + type(self).__name__
class Child(Base):
    greeting = "hi"
print(Base().greet(), Child().greet())
