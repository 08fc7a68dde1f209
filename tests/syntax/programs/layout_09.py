if x: a; b
else: c
