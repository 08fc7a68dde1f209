x = 5
print(1 < x < 10, 1 < x > 10, 1 < x < 3, x == 5 == 5.0, 1 <= 1 < 2 > 0 != 3)
def v(n):
    print("eval", n)
    return n
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(v(1) == v(1) != v(2))
a = [1, 2]
b = [1, 2]
print(a == b, a is b, a is not b, a != b, [1] * 2 == a + [] if False else 0)
t = (1, 2)
print(None is not None, t == t is not None, t is t is t)
print("abc" < "abd" <= "abd" < "b", 2 < 3.5 < 4, -1 < 0 < 1 < 2 < 3)
for left, right in [(1, "1"), ([], ()), (None, 0)]:
    print(left == right, left != right)
for left, right in [(1, "a"), (None, 1), ([1], (1,)), ({}, {})]:
    try:
        print(left < right)
    except TypeError as e:
        print("TypeError:", e)
