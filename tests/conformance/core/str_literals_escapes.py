print("tab:\tend", 'quote: \' "', "dq: \" '", "back\\slash")
print("hex: \x41\x42", "uni: \u00e9\u4e2d", "wide: \U0001F600", "oct: \101\102", "null:[\0]".replace("\0", "NUL"))
print(r"raw \n stays", r'C:\new\table', len(r"\n"), len("\n"))
print("adjacent " "literals " 'join', "a" "b" == "ab")
s = """triple
  quoted "string" with 'quotes'
end"""
print(s)
print('''single triple''', len("""x
y"""))
print("line one\
 continued")
print(repr("\a\b\f\v\r"), repr("\x7f"), repr("\u200b"), repr("é"))
print(b"bytes \x00\xff", rb"raw\bytes", repr(b"\t"))
print("\N{BULLET} \N{GREEK SMALL LETTER ALPHA}")
print(len("\U0001F600"), len("🎉"), ord("€"), chr(8364))
