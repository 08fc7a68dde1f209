# Classes: inheritance, super(), properties, dunder methods and a readable repr.
class Shape:
    def __init__(self, name):
        self.name = name

    def area(self):
        raise NotImplementedError

    def __repr__(self):
        return f"{type(self).__name__}({self.name!r}, area={self.area():.2f})"


class Rect(Shape):
    def __init__(self, w, h):
        super().__init__("rect")
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h


class Circle(Shape):
    def __init__(self, r):
        super().__init__("circle")
        self._r = r

    @property
    def r(self):
        return self._r

    def area(self):
        return 3.141592653589793 * self.r ** 2

    def __lt__(self, other):
        return self.area() < other.area()


shapes = [Rect(2, 3), Circle(1), Rect(1, 1)]
print(sorted(shapes, key=lambda s: s.area()))
print(max(shapes, key=lambda s: s.area()))
