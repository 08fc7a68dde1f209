class Account:
    def __init__(self, balance):
        self.balance = balance
    def withdraw(self, amount):
        if amount > self.balance:
            raise ValueError(f"insufficient funds: {self.balance} < {amount}")
        self.balance -= amount
class Bank:
    def __init__(self):
        self.accounts = {"ann": Account(10)}
    def pay(self, who, amount):
        try:
            self.accounts[who].withdraw(amount)
        except KeyError as e:
            raise LookupError(f"unknown account {who}") from e
bank = Bank()
bank.pay("ann", 5)
print("paid once")
try:
    bank.pay("bob", 1)
except LookupError as e:
    print("LookupError:", e, "| cause:", repr(e.__cause__))
bank.pay("ann", 50)
