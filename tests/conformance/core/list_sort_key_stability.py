people = [("amy", 31, "oslo"), ("bob", 25, "rome"), ("cat", 31, "lima"), ("dan", 25, "oslo"), ("eve", 40, "rome")]
print(sorted(people, key=lambda p: p[1]))
print(sorted(people, key=lambda p: p[1], reverse=True))
print(sorted(people, key=lambda p: (p[2], -p[1])))
by_city = sorted(people, key=lambda p: p[2])
by_age_then_city = sorted(by_city, key=lambda p: p[1])
print(by_age_then_city)
words = ["banana", "Apple", "cherry", "apple", "Banana", "fig"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len), sorted(words, key=len, reverse=True))
nums = [3, -1, 4, -1, 5, -9, 2, 6]
print(sorted(nums, key=abs), sorted(nums, key=lambda n: n % 3), sorted(nums, reverse=True))
nums.sort(key=lambda n: -n)
print(nums)
print(sorted({3: "c", 1: "a", 2: "b"}), sorted("hello"), sorted((2, 1)), sorted([]))
print(sorted([[2, "b"], [1, "z"], [2, "a"]]), sorted([1.5, 1, True, 0.5]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print("TypeError:", e)
