import random
random.seed(2024)
deck = [f"{r}{s}" for s in "SH" for r in "A23456"]
random.shuffle(deck)
print(deck)
print(random.sample(deck, 4))
print(random.sample(range(100), 5), random.sample("abcdefg", 3))
nums = list(range(10))
random.shuffle(nums)
print(nums, sorted(nums) == list(range(10)))
print(random.choices(["a", "b", "c"], k=5))
print(random.choices(["x", "y"], weights=[9, 1], k=6), random.choices(range(3), cum_weights=[1, 2, 3], k=4))
try:
    random.sample([1, 2], 5)
except ValueError as e:
    print("ValueError:", e)
try:
    random.choice([])
except IndexError as e:
    print("IndexError:", e)
try:
    random.randint(5, 1)
except ValueError as e:
    print("ValueError:", e)
state = random.getstate()
a = random.random()
random.setstate(state)
print(a == random.random())
