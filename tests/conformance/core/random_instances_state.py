import random
a = random.Random(42)
b = random.Random(42)
print(a.random() == b.random(), a.randint(1, 10), a.choice("abcdef"), a.sample(range(20), 4), round(a.uniform(5, 6), 6))
print(a.randrange(10), a.randrange(5, 50, 5), a.getrandbits(12), round(a.gauss(10, 2), 6), round(a.triangular(0, 1), 6))
items = list(range(10))
a.shuffle(items)
print(items, a.choices("xyz", k=4), a.choices(range(4), weights=[1, 0, 0, 5], k=3))
state = a.getstate()
first = [a.random() for _ in range(3)]
a.setstate(state)
print(first == [a.random() for _ in range(3)], state[0], len(state[1]))
random.seed("tulip")
s1 = random.random()
random.seed(b"tulip")
s2 = random.random()
random.seed(3.0)
s3 = random.random()
random.seed(3)
print(s1, s2, s3 == random.random())
random.seed(0)
print([random.randint(0, 9) for _ in range(10)], random.sample("abcdefgh", 3), random.choice((1, 2, 3)))
for bad in [lambda: random.randrange(0), lambda: random.randrange(5, 1), lambda: random.randint(3, 1), lambda: random.choice(""), lambda: random.sample([1, 2], 3), lambda: random.sample({1, 2}, 1), lambda: random.randrange(1.5), lambda: random.getrandbits(-1)]:
    try:
        bad()
    except (ValueError, IndexError, TypeError) as e:
        print(type(e).__name__ + ":", e)
class Loaded(random.Random):
    def random(self):
        return 0.0
print(Loaded(1).random(), isinstance(Loaded(1), random.Random), type(a).__name__)
