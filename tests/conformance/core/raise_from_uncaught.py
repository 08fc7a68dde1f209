def parse_config(text):
    try:
        return int(text)
    except ValueError as exc:
        raise RuntimeError("config is invalid") from exc
print("parsing")
parse_config("not a number")
