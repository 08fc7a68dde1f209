# A plain invalid-syntax error: nothing runs, not even the first print.
print("this line never runs")
total = 0
for i in range(3):
    total = total + i
x = 5 6
print(total)
