print(list[int], dict[str, int], tuple[int, ...], type[int], set[float] == set[float], list[int] == list[str])
print(int | None, list[int] | None, int | str | int, None | int, type(int | str).__name__, type(list[int]).__name__)
print(isinstance(3, int | str), isinstance("a", int | None), isinstance(None, int | None), issubclass(bool, int | str))
print(list[int]([1, 2]), dict[str, int](a=1), list[int].__origin__, list[int].__args__, (int | str).__args__)
print(hash(list[int]) == hash(list[int]), {int | str: 1}[str | int], tuple[()], dict[str, list[tuple[int, str]]])
try:
    isinstance([], list[int])
except TypeError as e:
    print("TypeError:", e)
try:
    None | None
except TypeError as e:
    print("TypeError:", e)
try:
    int | 3
except TypeError as e:
    print("TypeError:", e)
class C: pass
print(C | None, list[C])
try:
    C[int]
except TypeError as e:
    print("TypeError:", e)
