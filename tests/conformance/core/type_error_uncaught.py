prices = {"tea": 3, "cake": "5"}
total = 0
for name, price in prices.items():
    print("adding", name)
    total = total + price
print(total)
