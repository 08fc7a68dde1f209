word = "mississippi"
counts = {}
for ch in word:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print([i for i, c in enumerate(word) if c == "s"])
vowels = sum(1 for c in "programming language" if c in "aeiou")
print(vowels)
rev = ""
for ch in "tulip":
    rev = ch + rev
print(rev, rev == "tulip"[::-1])
print("".join(ch.upper() if i % 2 == 0 else ch for i, ch in enumerate("alternating")))
print(list(zip("abc", "xyz")), dict(zip("abc", range(3))))
print(max("banana", key="banana".count), "a,b".join("()"), "x".join([]) == "")
