class InsufficientFundsError(Exception):
    def __init__(self, balance, amount):
        super().__init__(f"cannot withdraw {amount:.2f}; balance is {balance:.2f}")
        self.shortfall = amount - balance
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0.0):
        self.owner = owner
        self._balance = balance
        self.history = []
        self.id = Account._next_id
        Account._next_id += 1
    @property
    def balance(self):
        return self._balance
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self._balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self._balance:
            raise InsufficientFundsError(self._balance, amount)
        self._balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return f"Account(#{self.id}, {self.owner!r}, {self._balance:.2f})"
class SavingsAccount(Account):
    def __init__(self, owner, balance=0.0, rate=0.02):
        super().__init__(owner, balance)
        self.rate = rate
    def add_interest(self):
        interest = round(self.balance * self.rate, 2)
        self.deposit(interest)
        return interest
a = Account("ann", 100)
s = SavingsAccount("bob", 1000, rate=0.05)
a.deposit(50)
print(a, s)
for acct, amount in [(a, 30), (a, 500), (s, 200)]:
    try:
        acct.withdraw(amount)
        print(f"withdrew {amount} from {acct.owner}: {acct.balance:.2f}")
    except InsufficientFundsError as e:
        print("error:", e, "| shortfall:", e.shortfall)
print("interest:", s.add_interest(), s)
try:
    a.deposit(-5)
except ValueError as e:
    print("ValueError:", e)
print(a.history, s.history)
try:
    a.balance = 10
except AttributeError as e:
    print("AttributeError:", e)
