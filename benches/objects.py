# Method calls and attribute access on instances of small classes: vectors with methods, a
# subclass overriding a method, properties-free plain attributes read and written in a loop.
# Measures attribute look-up, bound-method calls, instance creation and super().


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def add(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def dot(self, other):
        return self.x * other.x + self.y * other.y

    def scale(self, k):
        self.x *= k
        self.y *= k
        return self


class Particle:
    def __init__(self, pos, vel):
        self.pos = pos
        self.vel = vel
        self.steps = 0

    def step(self):
        self.pos = self.pos.add(self.vel)
        self.steps += 1

    def energy(self):
        return self.vel.dot(self.vel)


class Damped(Particle):
    def step(self):
        super().step()
        self.vel.scale(1)


particles = [
    (Damped if i % 2 else Particle)(Vec(i, -i), Vec(i % 5 - 2, i % 3 - 1))
    for i in range(100)
]
for _ in range(8000):
    for p in particles:
        p.step()

total = 0
for p in particles:
    total += p.pos.x * 3 + p.pos.y + p.steps + p.energy()
print(total)
