name = input("What is your name? ")
print(f"Hello, {name}!")
count = int(input("How many numbers? "))
numbers = []
for i in range(count):
    numbers.append(float(input()))
print("numbers:", numbers)
print("sum:", sum(numbers), "avg:", round(sum(numbers) / count, 2))
line = input()
print("words:", line.split(), len(line))
blank = input("blank line: ")
print(repr(blank))
try:
    input("past the end: ")
except EOFError as e:
    print("EOFError:", e)
