import random, sys
sys.path.insert(0, __import__('os').path.dirname(__file__))
from gen_common import esc

def seed_text(kind, v):
    if kind == 'b': return 'b:' + v.hex()
    if kind == 's': return 's:' + esc(v)
    return kind + ':' + (repr(v) if kind == 'f' else str(v))

seeds = [('i', 12345), ('i', 0), ('i', 1), ('i', 2**100), ('i', -5), ('s', 'hello'), ('b', b'abc'), ('i', 42),
         ('i', 2**32 - 1), ('i', 2**32), ('s', ''), ('s', 'héllo wörld ☃'), ('b', b''), ('f', 1.5), ('f', -1.5), ('f', 2.0),
         ('f', -0.0), ('f', float('inf')), ('f', 1e300), ('i', -(2**64)), ('i', 10**40 + 7)]

def run(rng, op, args):
    if op == 'random':
        return ' '.join(repr(rng.random()) for _ in range(args[0]))
    if op == 'getrandbits':
        return ' '.join(str(rng.getrandbits(k)) for k in args)
    if op == 'randrange':
        start, stop, step, count = args
        return ' '.join(str(rng.randrange(start, stop, step) if stop is not None else rng.randrange(start)) for _ in range(count))
    if op == 'randint':
        a, b, count = args
        return ' '.join(str(rng.randint(a, b)) for _ in range(count))
    if op == 'shuffle':
        x = list(range(args[0])); rng.shuffle(x); return ' '.join(map(str, x))
    if op == 'sample':
        return ' '.join(map(str, rng.sample(range(args[0]), args[1])))
    if op == 'choice':
        return ' '.join(str(rng.choice(range(args[0]))) for _ in range(args[1]))
    if op == 'choices':
        return ' '.join(map(str, rng.choices(range(args[0]), k=args[1])))
    if op == 'choices_w':
        weights, k = args
        return ' '.join(map(str, rng.choices(range(len(weights)), weights=weights, k=k)))
    if op == 'uniform':
        a, b, count = args
        return ' '.join(repr(rng.uniform(a, b)) for _ in range(count))
    if op in ('gauss', 'normalvariate'):
        mu, sigma, count = args
        f = getattr(rng, op)
        return ' '.join(repr(f(mu, sigma)) for _ in range(count))
    if op == 'expovariate':
        lam, count = args
        return ' '.join(repr(rng.expovariate(lam)) for _ in range(count))
    if op == 'triangular':
        low, high, mode, count = args
        return ' '.join(repr(rng.triangular(low, high, mode)) for _ in range(count))
    if op == 'randbytes':
        return rng.randbytes(args[0]).hex()
    raise ValueError(op)

def fmt_arg(a):
    if a is None: return 'None'
    if isinstance(a, list): return ','.join(repr(x) for x in a)
    return repr(a)

ops = [('random', [5]), ('random', [700]), ('getrandbits', [1, 31, 32, 33, 64, 100, 1000, 0]),
       ('randrange', [10, None, 1, 20]), ('randrange', [0, 100, 7, 20]), ('randrange', [100, 0, -3, 20]),
       ('randrange', [-50, 50, 1, 20]), ('randrange', [0, 2**100, 1, 5]), ('randrange', [0, 10**30, 3, 5]),
       ('randint', [1, 6, 30]), ('randint', [-10**20, 10**20, 5]), ('randint', [5, 5, 3]),
       ('shuffle', [20]), ('shuffle', [1]), ('shuffle', [0]), ('shuffle', [300]),
       ('sample', [100, 10]), ('sample', [10**6, 5]), ('sample', [10, 10]), ('sample', [50, 0]), ('sample', [25, 6]),
       ('sample', [45, 6]), ('sample', [46, 6]), ('sample', [1000, 200]), ('sample', [341, 100]), ('sample', [5, 5]),
       ('choice', [7, 20]), ('choice', [1, 3]), ('choice', [2**40, 3]), ('choices', [10, 20]), ('choices', [3, 0]),
       ('choices_w', [[1.0, 2.0, 3.5], 15]), ('choices_w', [[0.0, 0.0, 1e-300], 5]),
       ('uniform', [1.0, 10.0, 5]), ('uniform', [5.0, -5.0, 5]), ('gauss', [0.0, 1.0, 7]), ('gauss', [100.0, 15.0, 3]),
       ('normalvariate', [0.0, 1.0, 7]), ('expovariate', [1.5, 5]), ('triangular', [0.0, 1.0, None, 5]),
       ('triangular', [0.0, 10.0, 8.0, 5]), ('triangular', [3.0, 3.0, 3.0, 2]), ('randbytes', [0]), ('randbytes', [13])]

lines = []
# every op after seeding with the headline seed; the first ops with every seed
for kind, v in seeds:
    chosen = ops if (kind, v) == ('i', 12345) else [ops[0], ops[2], ops[3], ops[9], ops[12], ops[16], ops[17], ops[35]]
    for op, args in chosen:
        rng = random.Random(v)
        lines.append('\t'.join([seed_text(kind, v), op, ' '.join(fmt_arg(a) for a in args), run(rng, op, args)]))
# a long mixed sequence on one generator, so that state is threaded through every algorithm
rng = random.Random(2024)
mixed = []
for i in range(60):
    op, args = ops[i % len(ops)]
    if op == 'random' and args[0] > 10: args = [3]
    if op == 'shuffle' and args[0] > 50: args = [30]
    mixed.append(op + '(' + ' '.join(fmt_arg(a) for a in args) + ')=' + run(rng, op, args))
lines.append('\t'.join(['i:2024', 'mixed', '', ' ; '.join(mixed)]))
print('\n'.join(lines))
