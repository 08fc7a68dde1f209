name = "café
print(name)
