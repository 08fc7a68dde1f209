# complex in format(), f-strings, str.format and %: CPython's format_complex_internal (each part
# formatted like a float, the imaginary part signed, padding around the whole).
inf = float("inf")
nan = float("nan")
values = [0j, 1j, -1j, 1 + 2j, -1.5 - 2.25j, complex(-0.0, 0.0), complex(0.0, -0.0),
          complex(1e16, 1e-5), complex(inf, -inf), complex(nan, 1), 1234567.891 + 0.5j, 1e-7j,
          3e300 + 3e300j]
specs = ["", ".2f", ">20", "<20", "^21", "+", "-", " ", "+.3e", ".2", "g", "G", ".3g", "E", "F",
         "n", ".0f", "#g", "#.0f", "z.1f", "z", ",.2f", "_.1f", "*^30.4g", "12", "#", ",", ".10",
         "+20.3f", " .1e"]
for v in values:
    print(repr(v), [format(v, s) for s in specs])
z = 1 + 2j
print(f"{z}|{z!r}|{z!s:>10}|{z:>12.3f}|{-1j!r}|{2.5J=}|{1j:}|{z.real:.1f}|{z.imag:+}")
print("{:.1e} and {!s:>8}".format(1e5 + 1e-5j, 3j), "{0.real}+{0.imag}j".format(2 - 3j))
print("[%s] [%r] [%10s] [%-8r]" % (z, -z, 1j, 0j))
print(str(z).center(12, "*"), repr(1j).rjust(5), "%s" % (1j,))
