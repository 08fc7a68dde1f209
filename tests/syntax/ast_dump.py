"""Dumps CPython's AST in the S-expression format of tests/syntax/sexpr.rs.

Used to generate the expected trees of tests/syntax/programs/*.py:
    python3 tests/syntax/ast_dump.py FILE.py > FILE.ast
"""
import ast
import struct
import sys


def h(b):
    return b.hex()


def lst(items, f):
    return "[" + " ".join(f(x) for x in items) + "]"


def opt(e):
    return "_" if e is None else ex(e)


def params(a):
    pos = a.posonlyargs + a.args
    defaults = [None] * (len(pos) - len(a.defaults)) + list(a.defaults)
    d = dict(zip([id(x) for x in pos], defaults))

    def one(p, default):
        return "(%s %s %s)" % (p.arg, opt(p.annotation), opt(default))

    return "(args %s %s %s %s %s)" % (
        lst(a.posonlyargs, lambda p: one(p, d[id(p)])),
        lst(a.args, lambda p: one(p, d[id(p)])),
        "_" if a.vararg is None else one(a.vararg, None),
        lst(list(zip(a.kwonlyargs, a.kw_defaults)), lambda t: one(t[0], t[1])),
        "_" if a.kwarg is None else one(a.kwarg, None),
    )


def kw(k):
    return "(kw %s %s)" % (k.arg or "_", ex(k.value))


def comps(g):
    return lst(g, lambda c: "(%s %s %s %s)" % ("acomp" if c.is_async else "comp", ex(c.target), ex(c.iter), lst(c.ifs, ex)))


def fparts(values):
    def one(v):
        if isinstance(v, ast.Constant):
            return "(s %s)" % h(v.value.encode())
        spec = "_" if v.format_spec is None else "(joined %s)" % fparts(v.format_spec.values)
        return "(fv %s %d %s)" % (ex(v.value), v.conversion, spec)
    return lst(values, one)


OPS = {
    "Add": "Add", "Sub": "Sub", "Mult": "Mult", "MatMult": "MatMult", "Div": "Div",
    "FloorDiv": "FloorDiv", "Mod": "Mod", "Pow": "Pow", "LShift": "LShift", "RShift": "RShift",
    "BitOr": "BitOr", "BitXor": "BitXor", "BitAnd": "BitAnd", "Not": "Not", "USub": "Neg",
    "UAdd": "Pos", "Invert": "Invert", "And": "And", "Or": "Or", "Eq": "Eq", "NotEq": "NotEq",
    "Lt": "Lt", "LtE": "LtE", "Gt": "Gt", "GtE": "GtE", "Is": "Is", "IsNot": "IsNot", "In": "In",
    "NotIn": "NotIn",
}


def op(o):
    return OPS[type(o).__name__]


def ex(e):
    t = type(e).__name__
    if t == "Name":
        return "(name %s)" % e.id
    if t == "Constant":
        v = e.value
        if v is None or v is True or v is False:
            return "(const %s)" % v
        if v is Ellipsis:
            return "(const Ellipsis)"
        if isinstance(v, int):
            return "(int %d)" % v
        if isinstance(v, float):
            return "(float %016x)" % struct.unpack("<Q", struct.pack("<d", v))[0]
        if isinstance(v, complex):
            return "(imag %016x)" % struct.unpack("<Q", struct.pack("<d", v.imag))[0]
        if isinstance(v, str):
            return "(s %s)" % h(v.encode("utf-8", "surrogatepass"))
        if isinstance(v, bytes):
            return "(b %s)" % h(v)
        raise ValueError(v)
    if t == "JoinedStr":
        return "(joined %s)" % fparts(e.values)
    if t in ("List", "Tuple", "Set"):
        return "(%s %s)" % (t.lower(), lst(e.elts, ex))
    if t == "Dict":
        return "(dict %s %s)" % (lst(e.keys, opt), lst(e.values, ex))
    if t == "Starred":
        return "(star %s)" % ex(e.value)
    if t == "Attribute":
        return "(attr %s %s)" % (ex(e.value), e.attr)
    if t == "Subscript":
        return "(sub %s %s)" % (ex(e.value), ex(e.slice))
    if t == "Slice":
        return "(slice %s %s %s)" % (opt(e.lower), opt(e.upper), opt(e.step))
    if t == "Call":
        return "(call %s %s %s)" % (ex(e.func), lst(e.args, ex), lst(e.keywords, kw))
    if t == "BinOp":
        return "(binop %s %s %s)" % (op(e.op), ex(e.left), ex(e.right))
    if t == "UnaryOp":
        return "(unary %s %s)" % (op(e.op), ex(e.operand))
    if t == "BoolOp":
        return "(boolop %s %s)" % (op(e.op), lst(e.values, ex))
    if t == "Compare":
        return "(cmp %s %s %s)" % (ex(e.left), lst(e.ops, op), lst(e.comparators, ex))
    if t == "IfExp":
        return "(ifexp %s %s %s)" % (ex(e.test), ex(e.body), ex(e.orelse))
    if t == "Lambda":
        return "(lambda %s %s)" % (params(e.args), ex(e.body))
    if t == "NamedExpr":
        return "(walrus %s %s)" % (ex(e.target), ex(e.value))
    if t in ("ListComp", "SetComp", "GeneratorExp"):
        n = {"ListComp": "listcomp", "SetComp": "setcomp", "GeneratorExp": "genexp"}[t]
        return "(%s %s %s)" % (n, ex(e.elt), comps(e.generators))
    if t == "DictComp":
        return "(dictcomp %s %s %s)" % (ex(e.key), ex(e.value), comps(e.generators))
    if t == "Await":
        return "(await %s)" % ex(e.value)
    if t == "Yield":
        return "(yield %s)" % opt(e.value)
    if t == "YieldFrom":
        return "(yieldfrom %s)" % ex(e.value)
    raise ValueError(t)


def body(b):
    return lst(b, st)


def st(s):
    t = type(s).__name__
    if t == "Expr":
        return "(expr %s)" % ex(s.value)
    if t == "Assign":
        return "(assign %s %s)" % (lst(s.targets, ex), ex(s.value))
    if t == "AugAssign":
        return "(augassign %s %s %s)" % (op(s.op), ex(s.target), ex(s.value))
    if t == "AnnAssign":
        return "(annassign %s %s %s %d)" % (ex(s.target), ex(s.annotation), opt(s.value), s.simple)
    if t == "Delete":
        return "(del %s)" % lst(s.targets, ex)
    if t in ("Pass", "Break", "Continue"):
        return "(%s)" % t.lower()
    if t == "Return":
        return "(return %s)" % opt(s.value)
    if t in ("If", "While"):
        return "(%s %s %s %s)" % (t.lower(), ex(s.test), body(s.body), body(s.orelse))
    if t in ("For", "AsyncFor"):
        return "(%s %s %s %s %s)" % ("afor" if t == "AsyncFor" else "for", ex(s.target), ex(s.iter), body(s.body), body(s.orelse))
    if t in ("FunctionDef", "AsyncFunctionDef"):
        return "(%s %s %s %s %s %s)" % ("adef" if t == "AsyncFunctionDef" else "def", s.name, params(s.args), body(s.body), lst(s.decorator_list, ex), opt(s.returns))
    if t == "ClassDef":
        return "(class %s %s %s %s %s)" % (s.name, lst(s.bases, ex), lst(s.keywords, kw), body(s.body), lst(s.decorator_list, ex))
    if t in ("Try", "TryStar"):
        hs = lst(s.handlers, lambda x: "(handler %s %s %s)" % (opt(x.type), x.name or "_", body(x.body)))
        return "(%s %s %s %s %s)" % ("trystar" if t == "TryStar" else "try", body(s.body), hs, body(s.orelse), body(s.finalbody))
    if t == "Raise":
        return "(raise %s %s)" % (opt(s.exc), opt(s.cause))
    if t in ("With", "AsyncWith"):
        items = lst(s.items, lambda i: "(item %s %s)" % (ex(i.context_expr), opt(i.optional_vars)))
        return "(%s %s %s)" % ("awith" if t == "AsyncWith" else "with", items, body(s.body))
    if t == "Assert":
        return "(assert %s %s)" % (ex(s.test), opt(s.msg))
    if t == "Import":
        return "(import %s)" % lst(s.names, lambda a: "(%s %s)" % (a.name, a.asname or "_"))
    if t == "ImportFrom":
        return "(from %s %d %s)" % (s.module or "_", s.level, lst(s.names, lambda a: "(%s %s)" % (a.name, a.asname or "_")))
    if t in ("Global", "Nonlocal"):
        return "(%s %s)" % (t.lower(), lst(s.names, str))
    raise ValueError(t)


def dump(src):
    return "".join(st(s) + "\n" for s in ast.parse(src).body)


if __name__ == "__main__":
    sys.stdout.write(dump(open(sys.argv[1], encoding="utf-8").read()))
