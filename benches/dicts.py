# Dict work: count the words of a seeded random text (dict.get, `in`, `+=` on items), build dicts
# with comprehensions, iterate items, merge and sort. Measures hashing, look-up, insertion and
# iteration.
import random

random.seed(12345)
VOCAB = [f"w{k}" for k in range(2000)]
WORDS = [random.choice(VOCAB) for _ in range(100_000)]
ROUNDS = 8

result = 0
for r in range(ROUNDS):
    counts = {}
    for w in WORDS:
        counts[w] = counts.get(w, 0) + 1

    seen = {}
    for w in WORDS:
        if w in seen:
            seen[w] += 1
        else:
            seen[w] = 1

    squares = {k: k * k + r for k in range(100_000)}
    inverted = {v: k for k, v in squares.items() if v % 7 < 3}
    lengths = {w: len(w) * c for w, c in counts.items()}
    merged = dict(counts)
    merged.update(lengths)

    top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:5]
    result = (result * 31 + len(inverted) + sum(inverted.values()) + sum(merged.values())) % 1_000_003
    print(len(counts), counts == seen, top[0], len(inverted))
print(result)
