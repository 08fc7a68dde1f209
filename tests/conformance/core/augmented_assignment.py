n = 10
n += 5; print(n)
n -= 3; print(n)
n *= 4; print(n)
n /= 3; print(n)
n //= 2; print(n)
n **= 2; print(n)
n %= 7; print(n)
m = 0b1010
m &= 0b0110; print(m)
m |= 0b1000; print(m)
m ^= 0b1111; print(m)
m <<= 3; print(m)
m >>= 1; print(m)
lst = [1]
alias = lst
lst += [2]
print(lst, alias, lst is alias)
lst = lst + [3]
print(lst, alias, lst is alias)
t = (1,)
t_alias = t
t += (2,)
print(t, t_alias, t is t_alias)
s = "ab"
s *= 3
print(s)
d = {"x": [1]}
d["x"] += [2]
d["y"] = d.get("y", 0) + 1
print(d)
class C:
    count = 0
c = C()
c.count += 1
print(c.count, C.count)
arr = [1, 2, 3]
i = 0
arr[i] += 10
print(arr)
try:
    undefined_var += 1
except NameError as e:
    print("NameError:", e)
