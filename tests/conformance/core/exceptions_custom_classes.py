class AppError(Exception):
    """Base class for the app."""
class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(f"{field}: {message}")
        self.field = field
class NotFound(AppError):
    def __init__(self, key):
        self.key = key
        super().__init__(key)
    def __str__(self):
        return f"no record for {self.key!r}"
def validate(record):
    if "name" not in record:
        raise NotFound("name")
    if not record["name"]:
        raise ValidationError("name", "must not be empty")
    if record.get("age", 0) < 0:
        raise ValidationError("age", "must be positive")
    return "ok"
for rec in [{"name": "ann"}, {}, {"name": ""}, {"name": "bo", "age": -1}]:
    try:
        print(validate(rec))
    except ValidationError as e:
        print("ValidationError:", e, "| field =", e.field, "| args =", e.args)
    except AppError as e:
        print(type(e).__name__ + ":", e, "| repr =", repr(e))
print(AppError.__doc__, [c.__name__ for c in ValidationError.__mro__])
class Retry(Exception):
    def __init__(self, attempts):
        self.attempts = attempts
try:
    raise Retry(3)
except Retry as e:
    print("retry after", e.attempts, "attempts;", repr(e), e.args)
