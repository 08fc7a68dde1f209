# bytes and bytearray methods beyond the basics, with their error messages.
b = b"  Hello, World! \t\n"
print(b.strip(), b.lstrip(), b.rstrip(), b.strip(b" \n\tH!"), b.split(), b.split(b","), b.rsplit(None, 1))
print(b"a,b,,c".split(b",", 2), b"a,b,,c".rsplit(b",", 1), b"k=v=w".partition(b"="), b"k=v=w".rpartition(b"="), b"abc".partition(b"x"))
print(b"hello".find(b"l"), b"hello".rfind(b"l"), b"hello".find(108), b"hello".count(b"l"), b"hello".count(108, 3), b"hello".index(b"o", -2))
print(b"hello".startswith((b"x", b"he")), b"hello".endswith(b"lo", 0, 5), b"hello".startswith(b"", 5), b"hi".upper(), b"Hi There".swapcase())
print(b"hello world".title(), b"hELLO".capitalize(), b"abc".isalpha(), b"a1".isalnum(), b"12".isdigit(), b" \t".isspace(), b"ABC".isupper(), b"abc1".islower(), b"Ab Cd".istitle(), b"\x80".isascii())
print(b"ab".center(6, b"*"), b"ab".ljust(4), b"ab".rjust(4, b"0"), b"-5".zfill(4), b"a\tb".expandtabs(4), b"x\ny\r\nz".splitlines(True))
print(b"aaa".replace(b"a", b"bb", 2), b"abc".replace(b"", b"-"), b"name.txt".removesuffix(b".txt"), b"__x".removeprefix(b"__"))
print(b"\x00\xffab".hex(), b"\x00\xffab".hex(":"), b"\x00\xffab".hex(b"-", 3), b"\x00\xffab".hex(" ", -3), bytes.fromhex("de ad BE EF"), bytes.fromhex(""))
print(b",".join([b"a", bytearray(b"b"), b"c"]), b"".join([]), list(b"\x01\x02"), b"abc"[::-1], b"abc" * 2, 3 * b"-")
ba = bytearray(b"hello")
ba[0] = 74
ba[1:3] = b"EE"
ba.extend([33, 33])
ba.append(63)
ba += b"+"
print(ba, len(ba), ba[0], ba[-1], ba[1:4], ba.pop(), ba.pop(0), ba)
ba.insert(0, 106)
ba.remove(33)
del ba[0]
del ba[-2:]
print(ba, ba.upper(), ba.find(b"E"), ba.hex(), bytes(ba), ba == b"EElo", b"EElo" == ba, ba.copy() is not ba)
ba.reverse()
print(ba, bytearray(3), bytearray([1, 2]), bytearray("é", "utf-8"), bytearray.fromhex("41 42"), bytearray(b"x") + b"y", b"y" + bytearray(b"x"))
ba.clear()
print(ba, len(ba), bool(ba), bytearray(b"ab") * 2, b"a" in bytearray(b"cab"), 98 in bytearray(b"ab"))
for bad in [lambda: b"a".split("a"), lambda: b"a".find(256), lambda: b"a".find("a"), lambda: b"a".startswith("a"),
            lambda: b",".join(["a"]), lambda: b"a".center(5, "x"), lambda: bytes.fromhex("0g"), lambda: bytes.fromhex("abc"),
            lambda: b"a".hex("::"), lambda: bytes([300]), lambda: bytes(-1), lambda: bytes(1.5), lambda: bytearray([-1]),
            lambda: bytearray().pop(), lambda: bytearray(b"a").remove(9), lambda: bytearray(b"a").__setitem__(0, 256),
            lambda: bytearray(b"a")[5], lambda: hash(bytearray()), lambda: b"abc".index(b"z"),
            lambda: b"a".partition(b"")]:
    try:
        print(bad())
    except (ValueError, TypeError, IndexError) as e:
        print(type(e).__name__ + ":", e)
