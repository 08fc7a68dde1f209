words = ["alpha", "beta"]
print(words)
words.apend("gamma")
