def traffic_light():
    states = [("green", 3), ("yellow", 1), ("red", 2)]
    while True:
        for state, duration in states:
            command = yield state, duration
            if command == "emergency":
                print("  emergency! forcing red")
                yield "red", 5
def tokens(text):
    word = ""
    for ch in text + " ":
        if ch.isalnum():
            word += ch
        else:
            if word:
                yield ("WORD" if not word.isdigit() else "NUM", word)
                word = ""
            if not ch.isspace():
                yield ("PUNCT", ch)
light = traffic_light()
for i in range(5):
    print(next(light))
print(light.send("emergency"))
print(next(light))
print(list(tokens("await 3 tasks, then print(42)!")))
def running_average():
    total, count, avg = 0.0, 0, None
    while True:
        value = yield avg
        total += value
        count += 1
        avg = total / count
ra = running_average()
next(ra)
print([ra.send(v) for v in [10, 20, 30, 40]])
def batched(iterable, n):
    batch = []
    for item in iterable:
        batch.append(item)
        if len(batch) == n:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)
print(list(batched(range(10), 4)), list(batched([], 3)))
