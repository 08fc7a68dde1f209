# Errors: exceptions are caught, chained and finally reported with a traceback.
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError(f"bad number: {text!r}") from e


for t in ["12", "x"]:
    try:
        print(parse(t))
    except RuntimeError as e:
        print("caught:", e, "| cause:", repr(e.__cause__))

# An uncaught exception prints a traceback on stderr and exits with status 1.
parse("oops")
