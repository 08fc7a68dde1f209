text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
words = [w.strip(",.").lower() for w in text.split()]
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
print(len(words), "words,", len(freq), "distinct")
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:6]
for word, count in top:
    print(f"{word:<8} {count:>3} {'*' * count}")
by_length = {}
for w in sorted(freq):
    by_length.setdefault(len(w), []).append(w)
for length in sorted(by_length):
    print(length, by_length[length])
longest = max(freq, key=lambda w: (len(w), w))
print("longest:", longest, "| first letters:", "".join(sorted({w[0] for w in freq})))
