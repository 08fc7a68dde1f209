# math module: special values, huge ints, accuracy-sensitive functions and error messages.
import math
inf, nan = math.inf, math.nan
print(math.sqrt(-0.0), math.sqrt(inf), math.exp(-inf), math.exp(-1000), math.log(inf), math.atan(inf), math.tanh(-inf))
print(math.hypot(3, 4), math.hypot(1.1, 2.2, 3.3), math.hypot(), math.hypot(-5), math.hypot(inf, nan), math.hypot(1e308, 1e308), math.hypot(1e-320, 1e-320))
print(math.dist((1, 2), (4, 6)), math.dist([0.1, 0.2, 0.3], [1.5, -2.5, 3.5]), math.fsum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100]), math.fsum([]))
print(math.fsum([inf, 1.0]), math.fsum([1, 2, 3]), sum([0.1] * 10), math.prod([1.5, 2, 4]), math.prod(range(1, 11)), math.prod([], start=5))
print(math.log(2**1000), math.log2(2**2000), math.log10(10**500), math.log(10**400, 10), math.log(8, 2), math.log1p(1e-15), math.expm1(1e-15))
print(math.gamma(0.5), math.gamma(5.5), math.gamma(-1.5), math.gamma(171.5) if False else math.gamma(171), math.lgamma(100.5), math.lgamma(-2.5))
print(math.erf(0.5), math.erfc(2.0), math.cbrt(27), math.cbrt(-8), math.exp2(0.5), math.remainder(7, 4), math.remainder(-5, 2), math.remainder(5, inf))
print(math.fmod(-7, 3), math.fmod(7, inf), math.modf(-0.0), math.modf(inf), math.frexp(-0.75), math.ldexp(1.5, -1074), math.ldexp(0.75, 1024), math.ldexp(1, -2000))
print(math.nextafter(1, 0), math.nextafter(0, 1), math.ulp(1e300), math.ulp(5e-324), math.copysign(0.0, -1), math.atan2(-0.0, -1), math.atan2(inf, -inf))
print(math.factorial(25), math.comb(50, 25), math.comb(10**6, 2), math.perm(10), math.perm(10, 3), math.isqrt(2**127 - 1), math.gcd(2**64, 6**20), math.lcm(12, 18, 30))
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.floor(10**30), math.ceil(1e20), math.isclose(1.0, 1.0 + 1e-10), math.isclose(0, 1e-10, abs_tol=1e-9))
print(math.degrees(1), math.radians(90), math.pow(2, 0.5), math.pow(-2, 3), math.pow(inf, -3), math.pow(-inf, 3), math.pow(1, nan), math.pow(nan, 0))
for name, call in [("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-2**2000)", lambda: math.log(-2**2000)),
                   ("log(1, 1)", lambda: math.log(1, 1)), ("exp(710)", lambda: math.exp(710)), ("gamma(0)", lambda: math.gamma(0)),
                   ("gamma(-2)", lambda: math.gamma(-2)), ("gamma(172)", lambda: math.gamma(172)), ("lgamma(-1)", lambda: math.lgamma(-1)),
                   ("atanh(1)", lambda: math.atanh(1)), ("acosh(0)", lambda: math.acosh(0)), ("pow(0, -1)", lambda: math.pow(0, -1)),
                   ("pow(-2, 0.5)", lambda: math.pow(-2, 0.5)), ("pow(10, 400)", lambda: math.pow(10, 400)), ("fmod(1, 0)", lambda: math.fmod(1, 0)),
                   ("remainder(inf, 2)", lambda: math.remainder(inf, 2)), ("ldexp(1, 10**10)", lambda: math.ldexp(1, 10**10)),
                   ("fsum overflow", lambda: math.fsum([1e308, 1e308])), ("fsum inf-inf", lambda: math.fsum([inf, -inf])),
                   ("factorial(-1)", lambda: math.factorial(-1)), ("factorial(2**64)", lambda: math.factorial(2**64)),
                   ("comb(-1, 2)", lambda: math.comb(-1, 2)), ("perm(3, -1)", lambda: math.perm(3, -1)), ("isqrt(-1)", lambda: math.isqrt(-1)),
                   ("dist", lambda: math.dist((1,), (1, 2))), ("isclose neg", lambda: math.isclose(1, 1, rel_tol=-1)),
                   ("sqrt('x')", lambda: math.sqrt("x")), ("floor(nan)", lambda: math.floor(nan)), ("ceil(inf)", lambda: math.ceil(inf)),
                   ("trunc([])", lambda: math.trunc([])), ("gcd(1.0)", lambda: math.gcd(1.0)), ("ldexp(1, 1.0)", lambda: math.ldexp(1, 1.0)),
                   ("sqrt()", lambda: math.sqrt()), ("atan2(1)", lambda: math.atan2(1)), ("log()", lambda: math.log()),
                   ("hypot(x=1)", lambda: math.hypot(x=1)), ("prod(start)", lambda: math.prod()), ("isclose(1)", lambda: math.isclose(1))]:
    try:
        print(name, "=", call())
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(name, "->", type(e).__name__ + ":", e)
