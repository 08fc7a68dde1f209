def run_all():
    errors = []
    for i in range(3):
        try:
            if i != 1:
                raise ValueError(f"job {i} failed")
        except ValueError as e:
            errors.append(e)
    raise ExceptionGroup("some jobs failed", errors)
print("running")
run_all()
