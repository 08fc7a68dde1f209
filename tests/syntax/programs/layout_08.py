x = -1
y = +x
z = ~x
w = not x
