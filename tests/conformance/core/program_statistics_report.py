import math
scores = {"ann": [88, 92, 79], "bob": [65, 70, 58], "cy": [95, 98, 100], "dee": [72, 85, 91], "eli": [50, 61, 77]}
def mean(xs):
    return sum(xs) / len(xs)
def median(xs):
    s = sorted(xs)
    mid = len(s) // 2
    return s[mid] if len(s) % 2 else (s[mid - 1] + s[mid]) / 2
def stdev(xs):
    m = mean(xs)
    return math.sqrt(sum((x - m) ** 2 for x in xs) / (len(xs) - 1))
def letter(avg):
    for cutoff, grade in [(90, "A"), (80, "B"), (70, "C"), (60, "D")]:
        if avg >= cutoff:
            return grade
    return "F"
print(f"{'name':<6}{'avg':>8}{'med':>6}{'sd':>8}  grade")
for name, xs in sorted(scores.items(), key=lambda kv: -mean(kv[1])):
    avg = mean(xs)
    print(f"{name:<6}{avg:>8.2f}{median(xs):>6}{stdev(xs):>8.3f}  {letter(avg)}")
all_scores = [x for xs in scores.values() for x in xs]
print("overall mean", round(mean(all_scores), 4), "median", median(all_scores), "range", max(all_scores) - min(all_scores))
dist = {}
for name, xs in scores.items():
    dist.setdefault(letter(mean(xs)), []).append(name)
print(dict(sorted(dist.items())))
print(f"{mean(all_scores):.1f}% | {stdev(all_scores):.2e} | {len(all_scores):03d}")
