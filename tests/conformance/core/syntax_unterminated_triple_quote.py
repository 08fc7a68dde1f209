doc = """This docstring
never ends
print(doc)
x = 1
