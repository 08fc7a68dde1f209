import random, struct, sys, math
sys.path.insert(0, __import__('os').path.dirname(__file__))
from gen_common import esc, outcome, bits
rng = random.Random(4242)
out = []
def emit(*fields): out.append('\t'.join(fields))

# round(x, n)
rvals = [2.675, 0.125, 0.375, 2.5, 1.5, 0.5, -0.5, -2.5, 1234.5, -1234.5, 1.7976931348623157e308, 5e-324, 1e-300, 1e300,
         0.0, -0.0, -0.4, 0.4, 123.456, 1e22, 1e16, 9.995, float('inf'), float('-inf'), float('nan'), 0.285, 1.005, 2.0**60]
for x in rvals:
    for n in [0, 1, 2, 3, 5, 10, 17, 300, 323, 324, 10**6, -1, -2, -3, -10, -22, -300, -308, -309, -10**6]:
        emit('round', bits(x), str(n), outcome(lambda: round(x, n)))
for _ in range(600):
    x = rng.uniform(-1, 1) * 10 ** rng.randint(-20, 20)
    if rng.random() < 0.3:
        x = round(x, rng.randint(0, 6)) + rng.choice([0, 5e-7, -5e-7])
    n = rng.randint(-25, 25)
    emit('round', bits(x), str(n), outcome(lambda: round(x, n)))
for _ in range(150):   # exact halves at many scales: k/2**j
    x = rng.randint(1, 10**6) / 2 ** rng.randint(1, 12)
    n = rng.randint(0, 6)
    emit('round', bits(x), str(n), outcome(lambda: round(x, n)))

# float(str)
fstrs = ['1_000.5','1e5','1E+5','.5','5.','.','1e','e5','inf','-Infinity','+nAn','-nan','infinity_','in','  1.5\n','1_e5',
         '1e_5','1e5_0','0x10','1.5j','\u0661.\u0665','\u20001.5','nan(1)','1e500','-1e500','1e-400','','_','1.__5','1._5',
         '1_.5','infinit','+','-.5e-3','00012','1.5 2','\x00','+-inf','--1','1e+','1e-','1.5e3.2',' \t\n\x0b\x0c\r7 ',
         '\x1c7', '7\x1c', '\x85 7', '7\u3000', '1' * 400, '0.' + '0' * 400 + '1', '1e' + '9' * 30, '1e-' + '9' * 30,
         '2.2250738585072011e-308', '4.9406564584124654e-324', '2.4703282292062327e-324', '2.4703282292062328e-324',
         '1.7976931348623158e308', '1.7976931348623159e308', '9007199254740993', '0.1', '-0', '-0.0', '+.1e1',
         'iNfInItY', '-iNF', 'NaN', '1__000', '1_000_000.000_1', '١٢٣', '१२.५', 'é', '1e5é', '\u00a01', 'abc', "it's",
         '1.0e', '12e-03', '0e0', '-0e-0', '000.000', '1E1_0', '_1', '1_']
for s in fstrs:
    emit('float', esc(s), outcome(lambda: float(s)))
for _ in range(300):
    x = struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0]
    if x != x: continue
    s = repr(x) if rng.random() < 0.5 else '%.*e' % (rng.randint(0, 25), x)
    emit('float', esc(s), outcome(lambda: float(s)))

# int(str, base)
istrs = [('0x_1f', 0), ('0x_1f', 10), ('0x_1f', 16), ('0_0', 10), ('0_0', 0), ('00', 0), ('010', 0), ('010', 10), ('0b', 0),
         ('0x', 16), ('_1', 10), ('1_', 10), ('1__2', 10), (' 12 ', 10), ('\x1c12', 10), ('12\x1c', 10),
         ('\u3000 12\u2000', 10), ('\u0661\u0662\u0663', 10), ('+-1', 10), ('- 1', 10), ('-0', 10), ('0o17', 0), ('0O17', 0),
         ('0B1', 0), ('x' * 300, 10), ('', 10), ('  ', 10), ('1\x00', 10), ('0x1f', 16), ('0x1f', 0), ('1f', 16), ('z', 36), ('Z', 36), ('10', 1), ('10', 37), ('0b101', 2),
         ('0b101', 0), ('0b_1', 0), ('0o_7', 8), ('9', 8), ('0x1g', 16), ('12x', 10), ('1 2', 10), ('\u0661x', 10),
         ('é', 10), ('a' * 250, 10), ('\u0661' * 250 + 'x', 0), ('-0x_F', 0), ('+0b1_0', 0), ('0_', 0), ('0__0', 0),
         ('0x__1', 0), ('00_7', 0), ('0000', 0), ('-000', 0), ('   -7   ', 0), ('7\n', 10), ('\t-7', 10), ('1' * 30, 2),
         ('zz', 35), ('zz', 36), ('0b1', 16), ('0x', 0), ('0b2', 0), ('0o8', 0), ('1.5', 10), ('1e5', 10),
         ('123456789' * 10, 10), ('-123456789' * 3, 10), ('\x85 7', 10), ('٣', 0), ("it's", 10), ('\u00a0', 10)]
for s, b in istrs:
    def conv():
        v = int(s, b)
        return hex(v)
    emit('int', esc(s), str(b), outcome(conv))
for _ in range(200):
    b = rng.choice([0, 2, 8, 10, 16, 36, 3, 7])
    v = rng.randint(-10**rng.randint(1, 40), 10**rng.randint(1, 40))
    digs = '0123456789abcdefghijklmnopqrstuvwxyz'
    base = b or 10
    n, t = abs(v), ''
    while n: t = digs[n % base] + t; n //= base
    s = ('-' if v < 0 else '') + (t or '0')
    if rng.random() < 0.3 and len(s) > 3: s = s[:2] + '_' + s[2:]
    emit('int', esc(s), str(b), outcome(lambda: hex(int(s, b))))

# repr(str)
rstrs = ['', 'a', "it's", 'say "hi"', 'both \' and "', '\\', '\n\t\r', '\x00\x01\x1f\x7f', '\x80\x9f\xa0\xad\xff', 'é日本',
         '\u2028\u2029', '\u200b\u200e\ufeff', '\ue000', '\U0001f600', '\U000e0001', '\U0010ffff', '\ufffe', '\u0378',
         '\u3000', '\u00a0', ' ', 'a\\nb', '\x1b[0m', '\u0301', 'ÿ', '\U0001d11e', '\U00030000', '\U000323af', '\U000e01ef',
         '\u061c', '\u180e', '\u2066', '\U0001f3fb', '\ud7ff']
for _ in range(400):
    rstrs.append(''.join(chr(rng.choice([rng.randint(0, 0x7f), rng.randint(0x80, 0x3000), rng.randint(0, 0x10ffff)]))
                         for _ in range(rng.randint(1, 6))).encode('utf-8', 'replace').decode('utf-8', 'replace'))
for s in rstrs:
    if any(0xd800 <= ord(c) < 0xe000 for c in s): continue
    emit('repr', esc(s), outcome(lambda: repr(s)))

# repr(bytes)
bvals = [b'', b'abc', b"it's", b'"', b'\'"', b'\\', b'\x00\n\r\t\x7f\x80\xff', bytes(range(256))]
for _ in range(50):
    bvals.append(bytes(rng.randint(0, 255) for _ in range(rng.randint(0, 8))))
for b in bvals:
    emit('brepr', b.hex(), outcome(lambda: repr(b)))

# hash(float)
hvals = [0.0, -0.0, 1.0, -1.0, 0.5, 1.5, 1e100, -1e-100, 5e-324, 1.7976931348623157e308, float('inf'), float('-inf'),
         2.0**61, 2.0**61 - 2**8, 3.14, -2.0, 123456789.123]
for _ in range(200):
    hvals.append(struct.unpack('<d', struct.pack('<Q', rng.getrandbits(64)))[0])
for x in hvals:
    if x != x: continue
    emit('hash', bits(x), outcome(lambda: hash(x)))

# float(int)
ivals = [0, 1, -1, 2**53, 2**53 + 1, 2**53 + 3, 2**64 - 1, 2**64 + 1, -(2**100 + 2**47), 2**100 + 2**47 + 1,
         2**1024 - 2**970, 2**1024 - 2**970 - 1, 2**1024 - 2**971, 2**1024, -(2**1024), 10**308, 10**309, 2**1023 * 3 // 2]
for _ in range(150):
    ivals.append(rng.getrandbits(rng.randint(1, 1100)) * rng.choice([1, -1]))
for v in ivals:
    emit('tofloat', ('-' if v < 0 else '') + hex(abs(v)), outcome(lambda: float(v)))

# hex/oct/bin and int_to_base(prefix=False)
for v in [0, 1, -1, 31, -31, 255, 2**64, -(2**100), 10**30 + 7]:
    emit('base', ('-' if v < 0 else '') + hex(abs(v)), '16', outcome(lambda: hex(v)))
    emit('base', ('-' if v < 0 else '') + hex(abs(v)), '8', outcome(lambda: oct(v)))
    emit('base', ('-' if v < 0 else '') + hex(abs(v)), '2', outcome(lambda: bin(v)))


print('\n'.join(out))
