queue = ["a", "b"]
while True:
    item = queue.pop()
    print("took", item)
