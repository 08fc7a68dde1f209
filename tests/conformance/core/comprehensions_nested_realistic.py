orders = [
    {"id": 1, "customer": "ann", "items": [("tea", 2, 3.5), ("cake", 1, 4.0)]},
    {"id": 2, "customer": "bob", "items": [("coffee", 3, 2.5)]},
    {"id": 3, "customer": "ann", "items": [("tea", 1, 3.5), ("scone", 4, 1.25)]},
]
totals = {o["id"]: sum(q * p for _, q, p in o["items"]) for o in orders}
print(totals)
by_customer = {}
for o in orders:
    by_customer.setdefault(o["customer"], []).append(o["id"])
print(by_customer)
spend = {c: sum(totals[i] for i in ids) for c, ids in by_customer.items()}
print(spend)
products = sorted({name for o in orders for name, _, _ in o["items"]})
print(products)
qty = {p: sum(q for o in orders for n, q, _ in o["items"] if n == p) for p in products}
print(qty)
flat = [(o["id"], n) for o in orders for n, q, _ in o["items"] if q > 1]
print(flat)
grid = [[(r, c) for c in range(3) if (r + c) % 2 == 0] for r in range(3)]
print(grid)
print({k: v for k, v in sorted(qty.items(), key=lambda kv: -kv[1])[:2]})
