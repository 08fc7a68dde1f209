greeting = "hello"
name = "world
print(greeting, name)
