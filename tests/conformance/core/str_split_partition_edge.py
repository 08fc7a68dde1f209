# str.split / rsplit / splitlines / partition: separators, maxsplit, Unicode whitespace.
text = "  alpha\tbeta \u3000gamma\x1cdelta\n\n  "
print(text.split())
print(text.split(None, 2))
print(text.rsplit(None, 2))
print(text.split(maxsplit=1), text.rsplit(maxsplit=1))
print("a,b,,c,".split(","), "a,b,,c,".rsplit(",", 2), "a,b,,c,".split(",", 0))
print("a::b::c".split("::"), "a::b::c".rsplit("::", 1), "::".split("::"))
print("".split(), "".split(","), "   ".split(), " ".split(" "))
print("one\ntwo\r\nthree\rfour\x0bfive\x0csix\u2028seven".splitlines())
print("x\r\ny\n\nz\u0085".splitlines(keepends=True), "".splitlines(), "\n".splitlines())
print("key=value=more".partition("="), "key=value=more".rpartition("="))
print("novalue".partition("="), "novalue".rpartition("="))
print("café→bar→baz".partition("→"), "café→bar→baz".rsplit("→", 1))
print("a b c d".split(" ", -1), "a b c d".split(sep=" ", maxsplit=2))
for bad in [lambda: "a".split(""), lambda: "a".rsplit(""), lambda: "a".partition(""),
            lambda: "a".split(1), lambda: "a".split(",", "2"), lambda: "a".split(x=1),
            lambda: "a".partition(None), lambda: "a".splitlines(1, 2), lambda: "a b".split(None, 1, 2)]:
    try:
        print(bad())
    except (ValueError, TypeError) as e:
        print(type(e).__name__ + ":", e)
rows = "name|age|city\nAnn|30|Oslo\nBo|25|Rome\n"
header, *records = [line.split("|") for line in rows.splitlines()]
print([dict(zip(header, r)) for r in records])
