class Point:
    def __init__(self, x):
        self.x = x

        def norm(self):
            return abs(self.x)
   bad = 1
