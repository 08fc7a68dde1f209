class EventBus:
    def __init__(self):
        self.handlers = {}
    def on(self, event):
        def register(func):
            self.handlers.setdefault(event, []).append(func)
            return func
        return register
    def emit(self, event, *args):
        results = []
        for handler in self.handlers.get(event, []):
            try:
                results.append(handler(*args))
            except Exception as e:
                results.append(f"{handler.__name__} failed: {e!r}")
        return results
bus = EventBus()
@bus.on("order")
def log_order(item, qty):
    return f"logged {qty} x {item}"
@bus.on("order")
def check_stock(item, qty):
    if qty > 10:
        raise ValueError(f"not enough {item}")
    return "stock ok"
@bus.on("shutdown")
def bye():
    return "bye"
print(bus.emit("order", "tea", 2))
print(bus.emit("order", "cake", 50))
print(bus.emit("shutdown"), bus.emit("unknown"))
print({event: [h.__name__ for h in hs] for event, hs in bus.handlers.items()})
log = []
callbacks = [lambda x, i=i: log.append((i, x)) for i in range(3)]
for cb in callbacks:
    cb("ping")
print(log)
