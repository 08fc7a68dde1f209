greeting = "hi"

print(f"{greeting:>{width}}"
