def count_down(n):
    return count_down(n - 1) + 1
print("starting")
count_down(10000)
print("never reached")
