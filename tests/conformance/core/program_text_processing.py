def caesar(text, shift):
    out = []
    for ch in text:
        if ch.isalpha():
            base = ord("A") if ch.isupper() else ord("a")
            out.append(chr((ord(ch) - base + shift) % 26 + base))
        else:
            out.append(ch)
    return "".join(out)
msg = "Hello, World! Async is fun."
enc = caesar(msg, 3)
print(enc, "|", caesar(enc, -3))
def rle(s):
    if not s:
        return ""
    out, prev, count = [], s[0], 1
    for ch in s[1:]:
        if ch == prev:
            count += 1
        else:
            out.append(f"{count}{prev}")
            prev, count = ch, 1
    out.append(f"{count}{prev}")
    return "".join(out)
print(rle("aaabccddddde"), rle("x"), repr(rle("")))
def is_palindrome(s):
    cleaned = [c.lower() for c in s if c.isalnum()]
    return cleaned == cleaned[::-1]
for s in ["A man, a plan, a canal: Panama", "tulip", "No 'x' in Nixon"]:
    print(repr(s), is_palindrome(s))
def wrap(text, width):
    lines, line = [], ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    lines.append(line)
    return lines
for ln in wrap("The quick brown fox jumps over the lazy dog and keeps on running far away", 20):
    print(f"|{ln:<20}|")
groups = {}
for w in ["listen", "silent", "enlist", "google", "gooegl", "cat", "act", "tac", "dog"]:
    groups.setdefault("".join(sorted(w)), []).append(w)
print([g for g in groups.values() if len(g) > 1])
def to_roman(n):
    table = [(1000, "M"), (900, "CM"), (500, "D"), (400, "CD"), (100, "C"), (90, "XC"),
             (50, "L"), (40, "XL"), (10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")]
    out = ""
    for value, sym in table:
        while n >= value:
            out += sym
            n -= value
    return out
print([to_roman(n) for n in [1, 4, 9, 14, 40, 90, 400, 1994, 2024, 3999]])
