class Inventory:
    def __init__(self):
        self.items = []
    def add(self, name):
        self.items.append(name)
inv = Inventory()
inv.add("apple")
print(inv.items)
inv.itens.append("pear")
