# a comment line

def f(a,
      b):   # implicit joining inside brackets
    x = 1 + \
        2
    if x:

        # blank and comment lines do not count
        return [
    1,
            2]
    return x
class A:
	pass
