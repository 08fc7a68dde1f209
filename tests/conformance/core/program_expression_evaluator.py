def tokenize(src):
    tokens, i = [], 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            tokens.append(("num", float(src[i:j]) if "." in src[i:j] else int(src[i:j])))
            i = j
        elif ch in "+-*/()^":
            tokens.append(("op", ch))
            i += 1
        else:
            raise SyntaxError(f"unexpected character {ch!r} at {i}")
    return tokens
class Parser:
    def __init__(self, tokens):
        self.tokens = tokens
        self.pos = 0
    def peek(self):
        return self.tokens[self.pos] if self.pos < len(self.tokens) else ("end", None)
    def take(self):
        tok = self.peek()
        self.pos += 1
        return tok
    def expr(self):
        value = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            value = value + self.term() if op == "+" else value - self.term()
        return value
    def term(self):
        value = self.factor()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            value = value * self.factor() if op == "*" else value / self.factor()
        return value
    def factor(self):
        base = self.unary()
        if self.peek() == ("op", "^"):
            self.take()
            return base ** self.factor()
        return base
    def unary(self):
        if self.peek() == ("op", "-"):
            self.take()
            return -self.unary()
        kind, val = self.take()
        if kind == "num":
            return val
        if (kind, val) == ("op", "("):
            v = self.expr()
            if self.take() != ("op", ")"):
                raise SyntaxError("expected ')'")
            return v
        raise SyntaxError(f"unexpected token {val!r}")
def evaluate(src):
    try:
        return Parser(tokenize(src)).expr()
    except (SyntaxError, ZeroDivisionError) as e:
        return f"{type(e).__name__}: {e}"
for src in ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "7 / 0", "2 * (3 + 4", "3 $ 4", "1.5 * 4 - -2", "2 ^ -1"]:
    print(f"{src!r:>14} = {evaluate(src)}")
