class Robot:
    def __init__(self, name):
        self.name = name
    def greet(self):
        return "beep " + self.name
r = Robot("r2")
print(r.greet())
print(r.nmae)
