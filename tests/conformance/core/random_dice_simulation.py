import random
random.seed(7)
rolls = [random.randint(1, 6) + random.randint(1, 6) for _ in range(1000)]
histogram = {total: rolls.count(total) for total in range(2, 13)}
for total, count in histogram.items():
    print(f"{total:>2}: {'#' * (count // 10)} {count}")
print("mean:", round(sum(rolls) / len(rolls), 3), "most common:", max(histogram, key=histogram.get))
walk = 0
positions = []
for _ in range(20):
    walk += random.choice([-1, 1])
    positions.append(walk)
print(positions)
hits = sum(1 for _ in range(2000) if random.random() ** 2 + random.random() ** 2 <= 1)
print("pi estimate:", 4 * hits / 2000)
rng = random.Random(99)
print(rng.random(), rng.randint(1, 3), random.Random(99).random())
