import random, struct, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from gen_common import bits
rng = random.Random(20240611)
vals = [0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1/3, 2/3, 1e16, 1e15, 9999999999999998.0, 1e-4, 1e-5, 0.00011, 1.5e300,
        5e-324, 1.7976931348623157e308, 2.2250738585072014e-308, float('inf'), float('-inf'), float('nan'),
        123456789012345678.0, float(2**53), float(2**53+2), 1e22, 1e23, 100.0, 0.5, 12345.678, 2e16+8, 1e-7, 4.35, 0.1+0.2]
for _ in range(700):   # uniform random bit patterns (all exponents)
    b = rng.getrandbits(64)
    x = struct.unpack('<d', struct.pack('<Q', b))[0]
    if x != x: continue
    vals.append(x)
for _ in range(700):   # human-scale magnitudes
    vals.append(rng.uniform(-1, 1) * 10 ** rng.randint(-25, 25))
for _ in range(400):   # short decimals, where shortest-digit choice matters
    vals.append(float('%de%d' % (rng.randint(1, 10**rng.randint(1, 17)), rng.randint(-30, 30))))
for _ in range(200):   # integral values around the 1e16 switch
    vals.append(float(rng.randint(1, 10**rng.randint(14, 18))))
for x in vals:
    print(bits(x), repr(x))
