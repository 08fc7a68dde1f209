def worker(n):
    if n % 2:
        raise ValueError(f"odd {n}")
    raise KeyError(n)
def run():
    errors = []
    for n in range(3):
        try:
            worker(n)
        except Exception as e:
            errors.append(e)
    inner = ExceptionGroup("inner batch", errors[:2])
    raise ExceptionGroup("outer batch", [inner, errors[2]])
print("start")
run()
