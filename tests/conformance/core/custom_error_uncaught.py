class InsufficientFunds(Exception):
    def __init__(self, needed):
        super().__init__(f"need {needed} more")
balance = 10
def pay(amount):
    global balance
    if amount > balance:
        raise InsufficientFunds(amount - balance)
    balance -= amount
    print("paid", amount, "left", balance)
pay(4)
pay(20)
