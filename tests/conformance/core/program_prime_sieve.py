def sieve(limit):
    is_prime = [True] * (limit + 1)
    is_prime[0] = is_prime[1] = False
    for n in range(2, int(limit ** 0.5) + 1):
        if is_prime[n]:
            for multiple in range(n * n, limit + 1, n):
                is_prime[multiple] = False
    return [n for n, p in enumerate(is_prime) if p]
primes = sieve(100)
print(primes)
print(len(sieve(10000)), sum(sieve(1000)))
def factorize(n):
    factors = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            factors.append(d)
            n //= d
        d += 1
    if n > 1:
        factors.append(n)
    return factors
for n in [12, 97, 360, 1001, 2 ** 20, 600851475143]:
    print(n, "=", " * ".join(map(str, factorize(n))))
twins = [(p, p + 2) for p in primes if p + 2 in primes]
print(twins)
goldbach = {n: next((p, n - p) for p in primes if n - p in primes) for n in range(4, 30, 2)}
print(goldbach)
