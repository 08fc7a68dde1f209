"""Helpers shared by the gen_*.py scripts, which regenerate the CPython 3.11 expectations in
this folder: run `python3 gen_X.py > X.txt` with CPython 3.11."""
import struct
def esc(s):
    out = []
    for c in s:
        if c == '\\': out.append('\\\\')
        elif c == '\t': out.append('\\t')
        elif c == '\n': out.append('\\n')
        elif 0x20 <= ord(c) < 0x7f: out.append(c)
        else: out.append('\\u{%x}' % ord(c))
    return ''.join(out)
def bits(x):
    return '%016x' % struct.unpack('<Q', struct.pack('<d', x))[0]
def outcome(f):
    try:
        r = f()
        return '= ' + esc(r if isinstance(r, str) else repr(r))
    except Exception as e:
        return '! ' + type(e).__name__ + ': ' + esc(str(e))
