//! A compact S-expression dump of the AST in the same format as `tests/syntax/ast_dump.py`
//! produces from CPython's `ast` module, so that the two trees can be compared verbatim.

use tulip::syntax::ast::*;

pub fn module(m: &Module) -> String {
    let mut out = String::new();
    for s in &m.body {
        stmt(s, &mut out);
        out.push('\n');
    }
    out
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn list<T>(items: &[T], out: &mut String, f: impl Fn(&T, &mut String)) {
    out.push('[');
    for (i, x) in items.iter().enumerate() {
        if i > 0 {
            out.push(' ');
        }
        f(x, out);
    }
    out.push(']');
}

fn opt(e: &Option<Expr>, out: &mut String) {
    match e {
        Some(e) => expr(e, out),
        None => out.push('_'),
    }
}

fn opt_box(e: &Option<Box<Expr>>, out: &mut String) {
    match e {
        Some(e) => expr(e, out),
        None => out.push('_'),
    }
}

fn body(b: &[Stmt], out: &mut String) {
    list(b, out, stmt);
}

fn params(p: &Parameters, out: &mut String) {
    let one = |p: &Param, out: &mut String| {
        out.push_str(&format!("({} ", p.name));
        opt(&p.annotation, out);
        out.push(' ');
        opt(&p.default, out);
        out.push(')');
    };
    out.push_str("(args ");
    list(&p.posonly, out, one);
    out.push(' ');
    list(&p.args, out, one);
    out.push(' ');
    match &p.vararg {
        Some(v) => one(v, out),
        None => out.push('_'),
    }
    out.push(' ');
    list(&p.kwonly, out, one);
    out.push(' ');
    match &p.kwarg {
        Some(v) => one(v, out),
        None => out.push('_'),
    }
    out.push(')');
}

fn keyword(k: &Keyword, out: &mut String) {
    out.push_str(&format!("(kw {} ", k.name.as_deref().unwrap_or("_")));
    expr(&k.value, out);
    out.push(')');
}

fn comps(g: &[Comprehension], out: &mut String) {
    list(g, out, |c, out| {
        out.push_str(if c.is_async { "(acomp " } else { "(comp " });
        expr(&c.target, out);
        out.push(' ');
        expr(&c.iter, out);
        out.push(' ');
        list(&c.ifs, out, expr);
        out.push(')');
    });
}

fn fparts(parts: &[FStringPart], out: &mut String) {
    list(parts, out, |p, out| match p {
        FStringPart::Literal(s) => out.push_str(&format!("(s {})", hex(s.as_bytes()))),
        FStringPart::Expr {
            value,
            conversion,
            format_spec,
        } => {
            out.push_str("(fv ");
            expr(value, out);
            out.push_str(&format!(" {} ", conversion.map_or(-1, |c| c as i32)));
            match format_spec {
                Some(s) => {
                    out.push_str("(joined ");
                    fparts(s, out);
                    out.push(')');
                }
                None => out.push('_'),
            }
            out.push(')');
        }
    });
}

pub fn expr(e: &Expr, out: &mut String) {
    use ExprKind::*;
    match &e.kind {
        Name(n) => out.push_str(&format!("(name {n})")),
        Constant(c) => out.push_str(&match c {
            tulip::syntax::ast::Constant::None => "(const None)".to_string(),
            tulip::syntax::ast::Constant::True => "(const True)".to_string(),
            tulip::syntax::ast::Constant::False => "(const False)".to_string(),
            tulip::syntax::ast::Constant::Ellipsis => "(const Ellipsis)".to_string(),
            tulip::syntax::ast::Constant::Int(i) => format!("(int {i})"),
            tulip::syntax::ast::Constant::BigInt(i) => format!("(int {i})"),
            tulip::syntax::ast::Constant::Float(f) => format!("(float {:016x})", f.to_bits()),
            tulip::syntax::ast::Constant::Imaginary(f) => format!("(imag {:016x})", f.to_bits()),
            tulip::syntax::ast::Constant::Str(s) => format!("(s {})", hex(s.as_bytes())),
            tulip::syntax::ast::Constant::Bytes(b) => format!("(b {})", hex(b)),
        }),
        JoinedStr(parts) => {
            out.push_str("(joined ");
            fparts(parts, out);
            out.push(')');
        }
        List(v) | Tuple(v) | Set(v) => {
            out.push_str(match &e.kind {
                List(_) => "(list ",
                Tuple(_) => "(tuple ",
                _ => "(set ",
            });
            list(v, out, expr);
            out.push(')');
        }
        Dict { keys, values } => {
            out.push_str("(dict ");
            list(keys, out, opt);
            out.push(' ');
            list(values, out, expr);
            out.push(')');
        }
        Starred(v) => {
            out.push_str("(star ");
            expr(v, out);
            out.push(')');
        }
        Attribute { value, attr } => {
            out.push_str("(attr ");
            expr(value, out);
            out.push_str(&format!(" {attr})"));
        }
        Subscript { value, index } => {
            out.push_str("(sub ");
            expr(value, out);
            out.push(' ');
            expr(index, out);
            out.push(')');
        }
        Slice { lower, upper, step } => {
            out.push_str("(slice ");
            opt_box(lower, out);
            out.push(' ');
            opt_box(upper, out);
            out.push(' ');
            opt_box(step, out);
            out.push(')');
        }
        Call {
            func,
            args,
            keywords,
        } => {
            out.push_str("(call ");
            expr(func, out);
            out.push(' ');
            list(args, out, expr);
            out.push(' ');
            list(keywords, out, keyword);
            out.push(')');
        }
        BinOp { left, op, right } => {
            out.push_str(&format!("(binop {op:?} "));
            expr(left, out);
            out.push(' ');
            expr(right, out);
            out.push(')');
        }
        UnaryOp { op, operand } => {
            out.push_str(&format!("(unary {op:?} "));
            expr(operand, out);
            out.push(')');
        }
        BoolOp { op, values } => {
            out.push_str(&format!("(boolop {op:?} "));
            list(values, out, expr);
            out.push(')');
        }
        Compare {
            left,
            ops,
            comparators,
        } => {
            out.push_str("(cmp ");
            expr(left, out);
            out.push(' ');
            list(ops, out, |o, out| out.push_str(&format!("{o:?}")));
            out.push(' ');
            list(comparators, out, expr);
            out.push(')');
        }
        IfExp { test, body, orelse } => {
            out.push_str("(ifexp ");
            expr(test, out);
            out.push(' ');
            expr(body, out);
            out.push(' ');
            expr(orelse, out);
            out.push(')');
        }
        Lambda { params: p, body } => {
            out.push_str("(lambda ");
            params(p, out);
            out.push(' ');
            expr(body, out);
            out.push(')');
        }
        NamedExpr { target, value } => {
            out.push_str("(walrus ");
            expr(target, out);
            out.push(' ');
            expr(value, out);
            out.push(')');
        }
        ListComp { elt, generators }
        | SetComp { elt, generators }
        | GeneratorExp { elt, generators } => {
            out.push_str(match &e.kind {
                ListComp { .. } => "(listcomp ",
                SetComp { .. } => "(setcomp ",
                _ => "(genexp ",
            });
            expr(elt, out);
            out.push(' ');
            comps(generators, out);
            out.push(')');
        }
        DictComp {
            key,
            value,
            generators,
        } => {
            out.push_str("(dictcomp ");
            expr(key, out);
            out.push(' ');
            expr(value, out);
            out.push(' ');
            comps(generators, out);
            out.push(')');
        }
        Await(v) => {
            out.push_str("(await ");
            expr(v, out);
            out.push(')');
        }
        Yield(v) => {
            out.push_str("(yield ");
            opt_box(v, out);
            out.push(')');
        }
        YieldFrom(v) => {
            out.push_str("(yieldfrom ");
            expr(v, out);
            out.push(')');
        }
    }
}

pub fn stmt(s: &Stmt, out: &mut String) {
    use StmtKind::*;
    match &s.kind {
        Expr(e) => {
            out.push_str("(expr ");
            expr(e, out);
            out.push(')');
        }
        Assign { targets, value } => {
            out.push_str("(assign ");
            list(targets, out, expr);
            out.push(' ');
            expr(value, out);
            out.push(')');
        }
        AugAssign { target, op, value } => {
            out.push_str(&format!("(augassign {op:?} "));
            expr(target, out);
            out.push(' ');
            expr(value, out);
            out.push(')');
        }
        AnnAssign {
            target,
            annotation,
            value,
            simple,
        } => {
            out.push_str("(annassign ");
            expr(target, out);
            out.push(' ');
            expr(annotation, out);
            out.push(' ');
            opt(value, out);
            out.push_str(&format!(" {})", *simple as u8));
        }
        Delete(t) => {
            out.push_str("(del ");
            list(t, out, expr);
            out.push(')');
        }
        Pass => out.push_str("(pass)"),
        Break => out.push_str("(break)"),
        Continue => out.push_str("(continue)"),
        Return(v) => {
            out.push_str("(return ");
            opt(v, out);
            out.push(')');
        }
        If {
            test,
            body: b,
            orelse,
        }
        | While {
            test,
            body: b,
            orelse,
        } => {
            out.push_str(if matches!(s.kind, If { .. }) {
                "(if "
            } else {
                "(while "
            });
            expr(test, out);
            out.push(' ');
            body(b, out);
            out.push(' ');
            body(orelse, out);
            out.push(')');
        }
        For {
            is_async,
            target,
            iter,
            body: b,
            orelse,
        } => {
            out.push_str(if *is_async { "(afor " } else { "(for " });
            expr(target, out);
            out.push(' ');
            expr(iter, out);
            out.push(' ');
            body(b, out);
            out.push(' ');
            body(orelse, out);
            out.push(')');
        }
        FunctionDef(f) => {
            out.push_str(if f.is_async { "(adef " } else { "(def " });
            out.push_str(&f.name);
            out.push(' ');
            params(&f.params, out);
            out.push(' ');
            body(&f.body, out);
            out.push(' ');
            list(&f.decorators, out, expr);
            out.push(' ');
            opt(&f.returns, out);
            out.push(')');
        }
        ClassDef(c) => {
            out.push_str(&format!("(class {} ", c.name));
            list(&c.bases, out, expr);
            out.push(' ');
            list(&c.keywords, out, keyword);
            out.push(' ');
            body(&c.body, out);
            out.push(' ');
            list(&c.decorators, out, expr);
            out.push(')');
        }
        Try {
            body: b,
            handlers,
            orelse,
            finalbody,
            is_star,
        } => {
            out.push_str(if *is_star { "(trystar " } else { "(try " });
            body(b, out);
            out.push(' ');
            list(handlers, out, |h, out| {
                out.push_str("(handler ");
                opt(&h.typ, out);
                out.push_str(&format!(" {} ", h.name.as_deref().unwrap_or("_")));
                body(&h.body, out);
                out.push(')');
            });
            out.push(' ');
            body(orelse, out);
            out.push(' ');
            body(finalbody, out);
            out.push(')');
        }
        Raise { exc, cause } => {
            out.push_str("(raise ");
            opt(exc, out);
            out.push(' ');
            opt(cause, out);
            out.push(')');
        }
        With {
            is_async,
            items,
            body: b,
        } => {
            out.push_str(if *is_async { "(awith " } else { "(with " });
            list(items, out, |i, out| {
                out.push_str("(item ");
                expr(&i.context, out);
                out.push(' ');
                opt(&i.target, out);
                out.push(')');
            });
            out.push(' ');
            body(b, out);
            out.push(')');
        }
        Assert { test, msg } => {
            out.push_str("(assert ");
            expr(test, out);
            out.push(' ');
            opt(msg, out);
            out.push(')');
        }
        Import(names) | ImportFrom { names, .. } => {
            match &s.kind {
                ImportFrom { module, level, .. } => out.push_str(&format!(
                    "(from {} {} ",
                    if module.is_empty() { "_" } else { module },
                    level
                )),
                _ => out.push_str("(import "),
            }
            list(names, out, |a, out| {
                out.push_str(&format!(
                    "({} {})",
                    a.name,
                    a.asname.as_deref().unwrap_or("_")
                ))
            });
            out.push(')');
        }
        Global(n) | Nonlocal(n) => {
            out.push_str(if matches!(s.kind, Global(_)) {
                "(global "
            } else {
                "(nonlocal "
            });
            list(n, out, |x, out| out.push_str(x));
            out.push(')');
        }
    }
}
