# String work: build lines with f-strings and concatenation, split them, transform the words
# (upper, slicing, replace) and join them back, several rounds. Measures string allocation,
# string methods, splitting and joining.

LINES = 40_000
ROUNDS = 6


def build(n, r):
    lines = []
    for i in range(n):
        line = f"item{i + r} alpha beta-{i % 7} gamma"
        line += " delta" if i % 3 == r % 3 else " epsilon"
        lines.append(line)
    return "\n".join(lines)


def transform(text):
    out = []
    for line in text.split("\n"):
        words = line.split()
        words = [w.upper() if len(w) > 5 else w[::-1] for w in words]
        out.append("-".join(words).replace("A", "4"))
    return "|".join(out)


checksum = 0
total = 0
fours = 0
for r in range(ROUNDS):
    text = build(LINES, r)
    result = transform(text)
    total += len(text) + len(result)
    fours += result.count("4")
    for ch in result[::97]:
        checksum = (checksum * 131 + ord(ch)) % 1_000_000_007
print(total, fours, checksum)
