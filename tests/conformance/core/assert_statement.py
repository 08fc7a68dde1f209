def withdraw(balance, amount):
    assert amount > 0, f"amount must be positive, got {amount}"
    assert amount <= balance, "insufficient funds"
    return balance - amount
print(withdraw(100, 30))
for amt in [-5, 500]:
    try:
        withdraw(100, amt)
    except AssertionError as e:
        print("AssertionError:", e, e.args)
try:
    assert 1 == 2
except AssertionError as e:
    print("bare assert:", repr(e), str(e) == "")
assert True, "never raised"
assert [1], "non-empty list is truthy"
x = 0
try:
    assert x, x
except AssertionError as e:
    print("message can be any object:", repr(e))
