def annotation(label):
    print("evaluating annotation", label)
    return int
count: annotation("module") = 5
print(count)
total: int
try:
    print(total)
except NameError as e:
    print("NameError:", e)
def f():
    local: annotation("local") = 3
    other: list[int] = [1, 2]
    return local + len(other)
print(f())
class Config:
    debug: bool = False
    level: annotation("class") = 2
print(Config.debug, Config.level)
def typed(a: int, b: "str" = "x") -> str:
    return b * a
print(typed(3), typed(2, "ab"))
x: float = 1
print(x, type(x).__name__)
