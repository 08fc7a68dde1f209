class Node:
    def __init__(self, value, next=None):
        self.value = value
        self.next = next
class LinkedList:
    def __init__(self, *values):
        self.head = None
        self.size = 0
        for v in reversed(values):
            self.push_front(v)
    def push_front(self, value):
        self.head = Node(value, self.head)
        self.size += 1
    def __iter__(self):
        node = self.head
        while node:
            yield node.value
            node = node.next
    def __len__(self):
        return self.size
    def __repr__(self):
        return " -> ".join(map(repr, self)) or "(empty)"
    def reverse(self):
        prev, node = None, self.head
        while node:
            node.next, prev, node = prev, node, node.next
        self.head = prev
    def remove(self, value):
        prev, node = None, self.head
        while node:
            if node.value == value:
                if prev:
                    prev.next = node.next
                else:
                    self.head = node.next
                self.size -= 1
                return True
            prev, node = node, node.next
        return False
ll = LinkedList(1, 2, 3, 4)
print(ll, len(ll), list(ll), 3 in ll)
ll.reverse()
print(ll)
print(ll.remove(4), ll.remove(99), ll, len(ll))
print(LinkedList())
class Stack:
    def __init__(self):
        self._items = []
    def push(self, x):
        self._items.append(x)
    def pop(self):
        if not self._items:
            raise IndexError("pop from empty stack")
        return self._items.pop()
    def __bool__(self):
        return bool(self._items)
def balanced(expr):
    pairs = {")": "(", "]": "[", "}": "{"}
    st = Stack()
    for ch in expr:
        if ch in "([{":
            st.push(ch)
        elif ch in pairs:
            try:
                if st.pop() != pairs[ch]:
                    return False
            except IndexError:
                return False
    return not st
for e in ["(a[b]{c})", "(]", "((", "())", ""]:
    print(repr(e), balanced(e))
