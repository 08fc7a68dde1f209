print("start")
yield 5
