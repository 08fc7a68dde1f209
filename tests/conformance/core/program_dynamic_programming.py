def lcs(a, b):
    dp = [[0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(1, len(a) + 1):
        for j in range(1, len(b) + 1):
            dp[i][j] = dp[i - 1][j - 1] + 1 if a[i - 1] == b[j - 1] else max(dp[i - 1][j], dp[i][j - 1])
    out, i, j = [], len(a), len(b)
    while i and j:
        if a[i - 1] == b[j - 1]:
            out.append(a[i - 1]); i -= 1; j -= 1
        elif dp[i - 1][j] >= dp[i][j - 1]:
            i -= 1
        else:
            j -= 1
    return "".join(reversed(out))
def edit_distance(a, b):
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        prev = cur
    return prev[-1]
def knapsack(items, capacity):
    best = [0] * (capacity + 1)
    for weight, value in items:
        for c in range(capacity, weight - 1, -1):
            best[c] = max(best[c], best[c - weight] + value)
    return best[capacity]
def coin_change(coins, amount):
    ways = [1] + [0] * amount
    for coin in coins:
        for a in range(coin, amount + 1):
            ways[a] += ways[a - coin]
    return ways[amount]
print(lcs("ABCBDAB", "BDCABA"), lcs("asyncio", "asynchronous"))
print(edit_distance("kitten", "sitting"), edit_distance("asynio", "asyncio"), edit_distance("", "abc"))
print(knapsack([(1, 1), (3, 4), (4, 5), (5, 7)], 7), coin_change([1, 2, 5], 11), coin_change([2, 5, 3, 6], 10))
triangle = [[1]]
for _ in range(7):
    row = triangle[-1]
    triangle.append([1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1])
for row in triangle:
    print(" ".join(map(str, row)).center(40).rstrip())
