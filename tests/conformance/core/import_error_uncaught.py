import math
print("math loaded:", math.sqrt(4))
import numpy
print("never")
