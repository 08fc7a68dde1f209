class Card:
    def __init__(self, rank, suit):
        self.rank, self.suit = rank, suit
    def __eq__(self, other):
        return (self.rank, self.suit) == (other.rank, other.suit)
    def __hash__(self):
        return hash((self.rank, self.suit))
    def __repr__(self):
        return f"{self.rank}{self.suit}"
hand = [Card(10, "h"), Card(2, "s"), Card(10, "h"), Card(3, "d")]
print(len(set(hand)), Card(2, "s") in set(hand), hand.count(Card(10, "h")))
seen = {}
for c in hand:
    seen[c] = seen.get(c, 0) + 1
print(seen)
class EqOnly:
    def __init__(self, v):
        self.v = v
    def __eq__(self, other):
        return self.v == other.v
try:
    {EqOnly(1)}
except TypeError as e:
    print("TypeError:", e)
print(EqOnly.__hash__ is None, EqOnly(1) == EqOnly(1))
class Plain:
    pass
a = Plain()
print(a == a, hash(a) == hash(a), {a: 1}[a])
class Const:
    def __hash__(self):
        return 7
    def __eq__(self, other):
        return isinstance(other, Const)
print(hash(Const()), len({Const(), Const()}), hash(-1), hash(-2), hash(2 ** 61 - 1), hash(2 ** 61), hash(1.5), hash(-0.5))
