try:
    print([1, 2, 3][10])
except IndexError as e:
    print("caught:", e)
    raise ValueError("handler failed") from None
