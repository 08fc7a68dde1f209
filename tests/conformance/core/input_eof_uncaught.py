first = input()
print("first line:", first)
second = input()
print("second:", second)
