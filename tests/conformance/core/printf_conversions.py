# printf-style % formatting for str and bytes: flags, width, precision, *, mappings, errors.
print("%s|%5s|%-5s|%.2s|%5.1s|" % ("abc", "ab", "ab", "abc", "xyz"))
print("%d|%5d|%-5d|%05d|%+d|% d|%+05d|%.3d|%08.3d|" % (42, 42, 42, 42, 42, 42, -42, 7, -7))
print("%x|%X|%#x|%#X|%o|%#o|%#08x|%#-8x|%x|" % (255, 255, 255, 255, 8, 8, 255, 255, -255))
print("%f|%.2f|%10.3f|%-10.1f|%+.1f|%010.2f|%.0f|%#.0f|%F|" % (3.14159, 2.675, 1.5, 1.5, 2.0, -3.5, 2.5, 3.0, float("inf")))
print("%e|%.2E|%g|%G|%.3g|%#g|%g|%g|" % (12345.678, 0.000123, 1e-5, 1e20, 1234567, 1.0, 100000.0, 1e6))
print("%c%c%c|%5c|%-3c|" % (72, "i", 0x1F40D, "x", "y"), "%r %a" % ("é", "é"), "%s" % [1, "a"], "%s" % (("t",),))
print("%(name)s is %(age)d; %(name)r" % {"name": "Ann", "age": 30.9}, "%(x)05.1f%%" % {"x": 99.44})
print("%*d|%-*d|%.*f|%*.*f|" % (5, 1, 4, 2, 2, 3.14159, 8, 3, 2.5), "%d%%" % 50, "100%%" % (), "%s" % "only")
print("%d %i %u" % (3.99, -2.5, True), "%s %s" % (None, True), "%x" % 10**20, "%d" % -10**20, "%.3s" % 12345)
print("%5%|" % () if False else "skip", "%-6s|%6s|" % ("é", "ü"), "abc" % (), "abc" % [], "abc" % {"k": 1})
print(b"%s %d %x %c %r %%" % (b"bytes", 5, 255, 65, "é"), b"%5s|%-5b|" % (b"ab", bytearray(b"cd")), b"%(k)s" % {b"k": b"v"})
for fmt, args in [("%d", "x"), ("%x", 1.5), ("%c", "ab"), ("%c", 0x110000), ("%s %s", (1,)), ("%s", (1, 2)),
                  ("%(a)s", (1,)), ("%(a)s", {}), ("%z", 1), ("%", ()), ("%(a", {"a": 1}), ("%*d", ("x", 1)),
                  ("%.2f", "x"), ("%d", None), ("%é", 1), ("%5%", 1), ("%i", [1]), ("%o", 2.0)]:
    try:
        print(repr(fmt), repr(fmt % args))
    except (TypeError, ValueError, KeyError, OverflowError) as e:
        print(repr(fmt), type(e).__name__ + ":", e)
for bad in [lambda: b"%s" % "str", lambda: b"%d %d" % (1,), lambda: b"%c" % 256, lambda: b"x" % (1,)]:
    try:
        print(bad())
    except (TypeError, ValueError, OverflowError) as e:
        print(type(e).__name__ + ":", e)
