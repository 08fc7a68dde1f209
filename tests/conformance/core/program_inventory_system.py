class Item:
    def __init__(self, sku, name, price, qty=0):
        self.sku, self.name, self.price, self.qty = sku, name, price, qty
    @property
    def value(self):
        return self.price * self.qty
    def __repr__(self):
        return f"Item({self.sku!r}, {self.name!r}, {self.price}, qty={self.qty})"
    def __lt__(self, other):
        return (self.name, self.sku) < (other.name, other.sku)
class OutOfStock(Exception):
    pass
class Inventory:
    def __init__(self):
        self.items = {}
    def add(self, item):
        if item.sku in self.items:
            self.items[item.sku].qty += item.qty
        else:
            self.items[item.sku] = item
    def remove(self, sku, qty):
        item = self.items.get(sku)
        if item is None:
            raise KeyError(sku)
        if item.qty < qty:
            raise OutOfStock(f"{item.name}: have {item.qty}, want {qty}")
        item.qty -= qty
    def report(self):
        for item in sorted(self.items.values()):
            print(f"{item.sku:<6}{item.name:<12}{item.qty:>4} x {item.price:>7.2f} = {item.value:>9,.2f}")
        total = sum(i.value for i in self.items.values())
        print(f"{'TOTAL':<34}{total:>9,.2f}")
inv = Inventory()
inv.add(Item("A1", "widget", 2.5, 100))
inv.add(Item("B2", "gadget", 19.99, 7))
inv.add(Item("C3", "doohickey", 1234.5, 2))
inv.add(Item("A1", "widget", 2.5, 20))
inv.report()
for sku, qty in [("B2", 5), ("B2", 5), ("Z9", 1)]:
    try:
        inv.remove(sku, qty)
        print("removed", qty, "of", sku)
    except OutOfStock as e:
        print("OutOfStock:", e)
    except KeyError as e:
        print("unknown sku", e)
inv.report()
print(sorted(inv.items.values())[0], max(inv.items.values(), key=lambda i: i.value).name)
