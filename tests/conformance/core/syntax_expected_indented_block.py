# A def whose body is not indented.
print("never printed")
def greet(name):
return "hello " + name
print(greet("bob"))
