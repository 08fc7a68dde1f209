//! The logic behind the grammar's actions: node construction, target checks, parameter-order
//! validation, call-argument checks, literal concatenation. The grammar stays declarative and
//! every CPython error message raised while building the tree lives here.

use std::cell::RefCell;

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::fstring::parse_fstring;
use super::indent::Failure;
use super::parser::{CompilerCheck, CompilerPhase};
use super::strings::{decode_bytes, decode_int, decode_str, split_literal};
use super::token::Token;

pub type PError<'a> = ParseError<usize, Token<'a>, Failure>;
pub type PResult<'a, T> = Result<T, PError<'a>>;

/// State shared by all actions of one parse (and the f-string parses nested in it).
pub struct Ctx<'s> {
    pub source: &'s str,
    /// Errors CPython raises from its compiler rather than its parser: reported only when the
    /// whole input parses. (priority, error) — symbol-table errors come before code generation.
    deferred: RefCell<Vec<(CompilerPhase, SyntaxError)>>,
}

impl<'s> Ctx<'s> {
    pub fn new(source: &'s str) -> Ctx<'s> {
        Ctx {
            source,
            deferred: RefCell::new(Vec::new()),
        }
    }

    fn defer(&self, priority: CompilerPhase, err: SyntaxError) {
        self.deferred.borrow_mut().push((priority, err));
    }

    /// The deferred errors in the order CPython's compiler would find them.
    pub fn take_deferred(&self) -> Vec<CompilerCheck> {
        let mut all = std::mem::take(&mut *self.deferred.borrow_mut());
        all.sort_by_key(|(p, e)| (*p, e.span.start));
        all.into_iter()
            .map(|(phase, error)| CompilerCheck { phase, error })
            .collect()
    }
}

const SYMTABLE: CompilerPhase = CompilerPhase::SymbolTable;
const CODEGEN: CompilerPhase = CompilerPhase::CodeGeneration;

pub fn span(l: usize, r: usize) -> Span {
    Span::new(l, r)
}

pub fn expr(kind: ExprKind, l: usize, r: usize) -> Expr {
    Expr {
        kind,
        span: Span::new(l, r),
    }
}

/// Statements are boxed while on the parser's stack: LALRPOP's symbol type is as large as the
/// largest nonterminal, and every shift moves one.
pub fn stmt(kind: StmtKind, l: usize, r: usize) -> Box<Stmt> {
    Box::new(Stmt {
        kind,
        span: Span::new(l, r),
    })
}

pub fn err<'a, T>(message: impl Into<String>, span: Span) -> PResult<'a, T> {
    Err(user(SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        message,
        span,
    )))
}

pub fn user<'a>(e: SyntaxError) -> PError<'a> {
    ParseError::User {
        error: Failure::parser(e),
    }
}

pub fn binop(left: Expr, op: BinOp, right: Expr) -> Expr {
    let span = left.span.to(right.span);
    Expr {
        kind: ExprKind::BinOp {
            left: Box::new(left),
            op,
            right: Box::new(right),
        },
        span,
    }
}

pub fn unary(op: UnaryOp, operand: Expr, l: usize) -> Expr {
    let r = operand.span.end as usize;
    expr(
        ExprKind::UnaryOp {
            op,
            operand: Box::new(operand),
        },
        l,
        r,
    )
}

pub fn bool_op(op: BoolOp, first: Expr, rest: Vec<Expr>) -> Expr {
    let span = first.span.to(rest.last().map_or(first.span, |e| e.span));
    let mut values = Vec::with_capacity(rest.len() + 1);
    values.push(first);
    values.extend(rest);
    Expr {
        kind: ExprKind::BoolOp { op, values },
        span,
    }
}

pub fn compare(left: Expr, rest: Vec<(CmpOp, Expr)>) -> Expr {
    let span = left.span.to(rest.last().map_or(left.span, |e| e.1.span));
    let (ops, comparators) = rest.into_iter().unzip();
    Expr {
        kind: ExprKind::Compare {
            left: Box::new(left),
            ops,
            comparators,
        },
        span,
    }
}

/// Builds a tuple, or returns the single element when there was one and no trailing comma.
pub fn tuple_or_single(items: Vec<Expr>, trailing: bool, l: usize, r: usize) -> Expr {
    if items.len() == 1 && !trailing {
        return items
            .into_iter()
            .next()
            .unwrap_or_else(|| expr(ExprKind::Tuple(vec![]), l, r));
    }
    expr(ExprKind::Tuple(items), l, r)
}

pub fn int<'a>(text: &str, l: usize, r: usize) -> PResult<'a, Expr> {
    let c = decode_int(text, span(l, r)).map_err(user)?;
    Ok(expr(ExprKind::Constant(c), l, r))
}

/// Concatenates adjacent string literals (`"a" "b"`, `"a" f"{b}"`), decoding each.
pub fn strings<'a>(ctx: &Ctx<'_>, parts: Vec<(usize, &'a str, usize)>) -> PResult<'a, Expr> {
    let l = parts.first().map_or(0, |p| p.0);
    let r = parts.last().map_or(0, |p| p.2);
    let whole = span(l, r);
    let any_bytes = parts.iter().any(|p| split_literal(p.1, p.0).prefix.bytes);
    let all_bytes = parts.iter().all(|p| split_literal(p.1, p.0).prefix.bytes);
    if any_bytes && !all_bytes {
        return err("cannot mix bytes and nonbytes literals", span(r, r + 1));
    }
    if all_bytes {
        let mut out = Vec::new();
        for (s, raw, e) in &parts {
            let lit = split_literal(raw, *s);
            out.extend(decode_bytes(lit.body, lit.prefix.raw, span(*s, *e)).map_err(user)?);
        }
        return Ok(expr(ExprKind::Constant(Constant::Bytes(out)), l, r));
    }
    let is_f = parts.iter().any(|p| split_literal(p.1, p.0).prefix.fstring);
    if !is_f {
        let mut out = String::new();
        for (s, raw, e) in &parts {
            let lit = split_literal(raw, *s);
            out.push_str(&decode_str(lit.body, lit.prefix.raw, span(*s, *e)).map_err(user)?);
        }
        return Ok(expr(ExprKind::Constant(Constant::Str(out)), l, r));
    }
    let mut joined: Vec<FStringPart> = Vec::new();
    for (s, raw, e) in &parts {
        let lit = split_literal(raw, *s);
        let pieces = if lit.prefix.fstring {
            parse_fstring(ctx, &lit, span(*s, *e)).map_err(|error| ParseError::User { error })?
        } else {
            let text = decode_str(lit.body, lit.prefix.raw, span(*s, *e)).map_err(user)?;
            vec![FStringPart::Literal(text)]
        };
        for p in pieces {
            match (joined.last_mut(), p) {
                (Some(FStringPart::Literal(prev)), FStringPart::Literal(t)) => prev.push_str(&t),
                (_, FStringPart::Literal(t)) if t.is_empty() => {}
                (_, p) => joined.push(p),
            }
        }
    }
    Ok(Expr {
        kind: ExprKind::JoinedStr(joined),
        span: whole,
    })
}

/// CPython's `_PyPegen_get_expr_name`: how error messages name an expression.
pub fn expr_name(e: &Expr) -> &'static str {
    match &e.kind {
        ExprKind::Attribute { .. } => "attribute",
        ExprKind::Subscript { .. } => "subscript",
        ExprKind::Starred(_) => "starred",
        ExprKind::Name(_) => "name",
        ExprKind::List(_) => "list",
        ExprKind::Tuple(_) => "tuple",
        ExprKind::Lambda { .. } => "lambda",
        ExprKind::Call { .. } => "function call",
        ExprKind::BoolOp { .. } | ExprKind::BinOp { .. } | ExprKind::UnaryOp { .. } => "expression",
        ExprKind::GeneratorExp { .. } => "generator expression",
        ExprKind::Yield(_) | ExprKind::YieldFrom(_) => "yield expression",
        ExprKind::Await(_) => "await expression",
        ExprKind::ListComp { .. } => "list comprehension",
        ExprKind::SetComp { .. } => "set comprehension",
        ExprKind::DictComp { .. } => "dict comprehension",
        ExprKind::Dict { .. } => "dict literal",
        ExprKind::Set(_) => "set display",
        ExprKind::JoinedStr(_) => "f-string expression",
        ExprKind::Constant(Constant::None) => "None",
        ExprKind::Constant(Constant::True) => "True",
        ExprKind::Constant(Constant::False) => "False",
        ExprKind::Constant(Constant::Ellipsis) => "ellipsis",
        ExprKind::Constant(_) => "literal",
        ExprKind::Compare { .. } => "comparison",
        ExprKind::IfExp { .. } => "conditional expression",
        ExprKind::NamedExpr { .. } => "named expression",
        ExprKind::Slice { .. } => "slice",
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum TargetKind {
    /// Assignment, `with ... as`, augmented assignment.
    Store,
    /// `for` targets (including comprehensions).
    For,
    Del,
}

/// CPython's `_PyPegen_get_invalid_target`: the first sub-expression that cannot be a target.
pub fn invalid_target(e: &Expr, kind: TargetKind) -> Option<&Expr> {
    match &e.kind {
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            elts.iter().find_map(|x| invalid_target(x, kind))
        }
        ExprKind::Starred(inner) => {
            if kind == TargetKind::Del {
                Some(e)
            } else {
                invalid_target(inner, kind)
            }
        }
        ExprKind::Name(_) | ExprKind::Subscript { .. } | ExprKind::Attribute { .. } => None,
        _ => Some(e),
    }
}

/// Checks a store/for/del target; the message is CPython's `cannot assign to X`.
pub fn check_target<'a>(e: &Expr, kind: TargetKind) -> PResult<'a, ()> {
    if let Some(bad) = invalid_target(e, kind) {
        let verb = if kind == TargetKind::Del {
            "delete"
        } else {
            "assign to"
        };
        return err(format!("cannot {verb} {}", expr_name(bad)), bad.span);
    }
    Ok(())
}

/// Compile-time checks CPython makes on starred assignment targets.
fn check_starred_targets(ctx: &Ctx<'_>, target: &Expr) {
    match &target.kind {
        ExprKind::Starred(_) => ctx.defer(
            CODEGEN,
            SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                "starred assignment target must be in a list or tuple",
                target.span,
            ),
        ),
        ExprKind::List(elts) | ExprKind::Tuple(elts) => {
            let stars = elts
                .iter()
                .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                .count();
            if stars > 1 {
                ctx.defer(
                    CODEGEN,
                    SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        "multiple starred expressions in assignment",
                        target.span,
                    ),
                );
            }
            for e in elts {
                match &e.kind {
                    ExprKind::Starred(inner) => check_starred_targets(ctx, inner),
                    _ => check_starred_targets(ctx, e),
                }
            }
        }
        _ => {}
    }
}

/// `*x` where a plain value is needed (`x = *a`, `return *a`): a compiler error in CPython.
pub fn check_value(ctx: &Ctx<'_>, value: &Expr) {
    if let ExprKind::Starred(_) = value.kind {
        ctx.defer(
            CODEGEN,
            SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                "can't use starred expression here",
                value.span,
            ),
        );
    }
}

/// Is `e` something CPython's `bitwise_or` rule could have produced (the operand level just
/// above comparisons)? Used to pick between its two assignment-error messages.
fn is_bitwise_or(e: &Expr) -> bool {
    !matches!(
        e.kind,
        ExprKind::Compare { .. }
            | ExprKind::BoolOp { .. }
            | ExprKind::UnaryOp {
                op: UnaryOp::Not,
                ..
            }
            | ExprKind::IfExp { .. }
            | ExprKind::Lambda { .. }
            | ExprKind::Starred(_)
            | ExprKind::Yield(_)
            | ExprKind::YieldFrom(_)
    )
}

/// Does the source of `e` start with something `bitwise_or` accepts?
fn starts_with_bitwise_or(ctx: &Ctx<'_>, e: &Expr) -> bool {
    if is_parenthesized(ctx, e) {
        return true;
    }
    match &e.kind {
        ExprKind::Tuple(elts) if !elts.is_empty() && elts[0].span.start == e.span.start => {
            starts_with_bitwise_or(ctx, &elts[0])
        }
        ExprKind::BoolOp { values, .. } => values
            .first()
            .is_some_and(|v| starts_with_bitwise_or(ctx, v)),
        ExprKind::Compare { left, .. } => starts_with_bitwise_or(ctx, left),
        ExprKind::IfExp { body, .. } => starts_with_bitwise_or(ctx, body),
        _ => is_bitwise_or(e),
    }
}

/// Was `e` written in parentheses of its own (`(yield)`)? Parenthesized atoms keep the inner
/// node's span, so look at the source around it.
fn is_parenthesized(ctx: &Ctx<'_>, e: &Expr) -> bool {
    let before = ctx.source[..(e.span.start as usize).min(ctx.source.len())].trim_end();
    let after = ctx.source[(e.span.end as usize).min(ctx.source.len())..].trim_start();
    before.ends_with('(') && after.starts_with(')')
}

/// `t1 = t2 = value` (`rest` holds everything after the first `=`).
pub fn assign<'a>(
    ctx: &Ctx<'_>,
    first: Expr,
    mut rest: Vec<Expr>,
    l: usize,
    r: usize,
) -> PResult<'a, Box<Stmt>> {
    let value = rest
        .pop()
        .unwrap_or_else(|| expr(ExprKind::Tuple(vec![]), l, r));
    let mut targets = Vec::with_capacity(rest.len() + 1);
    targets.push(first);
    targets.extend(rest);
    if targets.len() == 1 && starts_with_bitwise_or(ctx, &value) {
        if let Some(e) = unparenthesized_tuple_target(ctx, &targets[0], &value) {
            return Err(user(e));
        }
    }
    for (i, t) in targets.iter().enumerate() {
        if matches!(t.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return err("assignment to yield expression not possible", t.span);
        }
        if let Some(bad) = invalid_target(t, TargetKind::Store) {
            // CPython's `invalid_named_expression` fires first for `f() = 1`: a lone
            // bitwise-or-level expression followed by a single `=`.
            let next = if i + 1 < targets.len() {
                &targets[i + 1]
            } else {
                &value
            };
            let excluded = matches!(
                t.kind,
                ExprKind::List(_)
                    | ExprKind::Tuple(_)
                    | ExprKind::GeneratorExp { .. }
                    | ExprKind::Constant(Constant::True | Constant::False | Constant::None)
            );
            if i == 0
                && targets.len() == 1
                && !excluded
                && is_bitwise_or(t)
                && starts_with_bitwise_or(ctx, next)
            {
                return err(
                    format!(
                        "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                        expr_name(t)
                    ),
                    t.span,
                );
            }
            return err(format!("cannot assign to {}", expr_name(bad)), bad.span);
        }
    }
    for t in &targets {
        check_starred_targets(ctx, t);
    }
    check_value(ctx, &value);
    Ok(stmt(StmtKind::Assign { targets, value }, l, r))
}

/// `f(), x = 1`: CPython reads the tuple's elements as named expressions, so the last one,
/// directly followed by `=`, gets `invalid_named_expression`'s messages.
fn unparenthesized_tuple_target(ctx: &Ctx<'_>, target: &Expr, value: &Expr) -> Option<SyntaxError> {
    let ExprKind::Tuple(elts) = &target.kind else {
        return None;
    };
    let first = elts.first()?;
    let last = elts.last()?;
    let parenthesized = first.span.start != target.span.start
        || ctx.source.as_bytes().get(target.span.start as usize) == Some(&b'(');
    if parenthesized || invalid_target(target, TargetKind::Store).is_none() {
        return None;
    }
    // A trailing comma (`f(), = 1`) leaves no element right before the `=`.
    if ctx.source[last.span.end as usize..]
        .trim_start()
        .starts_with(',')
    {
        return None;
    }
    let message = match &last.kind {
        ExprKind::Name(_) => {
            let span = last.span.to(value_head(value).span);
            return Some(SyntaxError::new(
                SyntaxErrorKind::SyntaxError,
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                span,
            ));
        }
        ExprKind::List(_)
        | ExprKind::Tuple(_)
        | ExprKind::GeneratorExp { .. }
        | ExprKind::Constant(Constant::True | Constant::False | Constant::None) => return None,
        _ if is_bitwise_or(last) => format!(
            "cannot assign to {} here. Maybe you meant '==' instead of '='?",
            expr_name(last)
        ),
        _ => return None,
    };
    Some(SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        message,
        last.span,
    ))
}

/// The leftmost bitwise-or-level piece of a value (the `1` of `1, 2`).
fn value_head(e: &Expr) -> &Expr {
    match &e.kind {
        ExprKind::Tuple(elts) if !elts.is_empty() && elts[0].span.start == e.span.start => {
            value_head(&elts[0])
        }
        _ => e,
    }
}

pub fn aug_assign<'a>(
    target: Expr,
    op: BinOp,
    value: Expr,
    l: usize,
    r: usize,
) -> PResult<'a, Box<Stmt>> {
    if !matches!(
        target.kind,
        ExprKind::Name(_) | ExprKind::Attribute { .. } | ExprKind::Subscript { .. }
    ) {
        return err(
            format!(
                "'{}' is an illegal expression for augmented assignment",
                expr_name(&target)
            ),
            target.span,
        );
    }
    Ok(stmt(StmtKind::AugAssign { target, op, value }, l, r))
}

pub fn ann_assign<'a>(
    target: Expr,
    annotation: Expr,
    value: Option<Expr>,
    l: usize,
    r: usize,
) -> PResult<'a, Box<Stmt>> {
    let simple = match &target.kind {
        ExprKind::Starred(_) => {
            let at = target.span.end as usize;
            return err("invalid syntax", span(at, at + 1));
        }
        ExprKind::Name(_) => target.span.start as usize == l,
        ExprKind::Attribute { .. } | ExprKind::Subscript { .. } => false,
        ExprKind::List(_) => {
            return err(
                "only single target (not list) can be annotated",
                target.span,
            )
        }
        ExprKind::Tuple(_) => {
            return err(
                "only single target (not tuple) can be annotated",
                target.span,
            )
        }
        _ => return err("illegal target for annotation", target.span),
    };
    Ok(stmt(
        StmtKind::AnnAssign {
            target,
            annotation,
            value,
            simple,
        },
        l,
        r,
    ))
}

pub fn named_expr<'a>(target: Expr, value: Expr) -> PResult<'a, Expr> {
    if !matches!(target.kind, ExprKind::Name(_)) {
        return err(
            format!(
                "cannot use assignment expressions with {}",
                expr_name(&target)
            ),
            target.span,
        );
    }
    let span = target.span.to(value.span);
    Ok(Expr {
        kind: ExprKind::NamedExpr {
            target: Box::new(target),
            value: Box::new(value),
        },
        span,
    })
}

pub fn delete<'a>(targets: Vec<Expr>, l: usize, r: usize) -> PResult<'a, Box<Stmt>> {
    for t in &targets {
        check_target(t, TargetKind::Del)?;
    }
    Ok(stmt(StmtKind::Delete(targets), l, r))
}

/// A parenthesised single item: `(x)` is `x`, but `(*x)` is an error.
pub fn paren<'a>(e: Expr) -> PResult<'a, Expr> {
    if let ExprKind::Starred(_) = e.kind {
        return err("cannot use starred expression here", e.span);
    }
    Ok(e)
}

/// The inside of `( ... )`, before the parentheses' span is known.
pub enum ParenInner {
    Single(Expr),
    Tuple(Vec<Expr>),
    GenExp(Box<Expr>, Vec<Comprehension>),
}

impl ParenInner {
    pub fn finish<'a>(self, l: usize, r: usize) -> PResult<'a, Expr> {
        match self {
            ParenInner::Single(e) => paren(e),
            ParenInner::Tuple(items) => Ok(expr(ExprKind::Tuple(items), l, r)),
            ParenInner::GenExp(elt, generators) => {
                Ok(expr(ExprKind::GeneratorExp { elt, generators }, l, r))
            }
        }
    }
}

pub fn paren_items(items: Vec<Expr>, trailing: bool) -> ParenInner {
    if items.len() == 1 && !trailing {
        ParenInner::Single(
            items
                .into_iter()
                .next()
                .unwrap_or_else(|| expr(ExprKind::Tuple(vec![]), 0, 0)),
        )
    } else {
        ParenInner::Tuple(items)
    }
}

pub fn comprehension<'a>(
    is_async: bool,
    target: Expr,
    iter: Expr,
    ifs: Vec<Expr>,
) -> PResult<'a, Comprehension> {
    check_target(&target, TargetKind::For)?;
    Ok(Comprehension {
        target,
        iter,
        ifs,
        is_async,
    })
}

// ---- Calls -------------------------------------------------------------------------------

pub enum Arg {
    Positional(Expr),
    /// A generator expression written without its own parentheses: `f(x for x in y)`.
    BareGenExp(Expr),
    Starred(Expr),
    Keyword(Box<Keyword>),
    DoubleStarred(Box<Keyword>),
}

pub fn keyword_arg<'a>(name: Expr, value: Expr) -> PResult<'a, Arg> {
    let span = name.span.to(value.span);
    match name.kind {
        ExprKind::Name(n) => Ok(Arg::Keyword(Box::new(Keyword {
            name: Some(n),
            value,
            span,
        }))),
        ExprKind::Constant(Constant::True | Constant::False | Constant::None) => {
            let what = expr_name(&name);
            err(format!("cannot assign to {what}"), span)
        }
        _ => err(
            "expression cannot contain assignment, perhaps you meant \"==\"?",
            span,
        ),
    }
}

/// Validates argument order as CPython's parser does and splits positional from keyword.
pub fn arguments<'a>(ctx: &Ctx<'_>, args: Vec<Arg>) -> PResult<'a, (Vec<Expr>, Vec<Keyword>)> {
    let n = args.len();
    let mut positional = Vec::new();
    let mut keywords: Vec<Keyword> = Vec::new();
    let mut seen_keyword = false;
    let mut seen_double_star = false;
    for arg in args {
        match arg {
            Arg::BareGenExp(e) if n > 1 => {
                return err("Generator expression must be parenthesized", e.span);
            }
            Arg::Positional(e) | Arg::BareGenExp(e) | Arg::Starred(e) => {
                let is_star = matches!(e.kind, ExprKind::Starred(_));
                if is_star && seen_double_star {
                    return err(
                        "iterable argument unpacking follows keyword argument unpacking",
                        e.span,
                    );
                }
                if !is_star && seen_double_star {
                    return err(
                        "positional argument follows keyword argument unpacking",
                        e.span,
                    );
                }
                if !is_star && seen_keyword {
                    return err("positional argument follows keyword argument", e.span);
                }
                positional.push(e);
            }
            Arg::Keyword(k) => {
                seen_keyword = true;
                if let Some(name) = &k.name {
                    if keywords.iter().any(|o| o.name.as_ref() == Some(name)) {
                        ctx.defer(
                            CODEGEN,
                            SyntaxError::new(
                                SyntaxErrorKind::SyntaxError,
                                format!("keyword argument repeated: {name}"),
                                k.span,
                            ),
                        );
                    }
                }
                keywords.push(*k);
            }
            Arg::DoubleStarred(k) => {
                seen_double_star = true;
                keywords.push(*k);
            }
        }
    }
    Ok((positional, keywords))
}

pub fn call<'a>(ctx: &Ctx<'_>, func: Expr, args: Vec<Arg>, r: usize) -> PResult<'a, Expr> {
    let l = func.span.start as usize;
    let (args, keywords) = arguments(ctx, args)?;
    Ok(expr(
        ExprKind::Call {
            func: Box::new(func),
            args,
            keywords,
        },
        l,
        r,
    ))
}

pub fn genexp_arg(elt: Expr, generators: Vec<Comprehension>, r: usize) -> Arg {
    let l = elt.span.start as usize;
    Arg::BareGenExp(expr(
        ExprKind::GeneratorExp {
            elt: Box::new(elt),
            generators,
        },
        l,
        r,
    ))
}

// ---- Parameters --------------------------------------------------------------------------

pub enum ParamItem {
    Plain(Box<Param>),
    /// `*name` (or a bare `*` when the param is `None`).
    Star(Option<Box<Param>>, Span),
    DoubleStar(Box<Param>),
    Slash(Span),
}

pub fn param(
    name: &str,
    annotation: Option<Expr>,
    default: Option<Expr>,
    l: usize,
    r: usize,
) -> Box<Param> {
    Box::new(Param {
        name: name.to_string(),
        span: span(l, r),
        annotation,
        default,
    })
}

/// Checks parameter order with CPython 3.11's messages and builds [`Parameters`].
pub fn parameters<'a>(ctx: &Ctx<'_>, items: Vec<ParamItem>) -> PResult<'a, Box<Parameters>> {
    let mut p = Parameters::default();
    let mut seen_slash = false;
    let mut seen_star = false;
    let mut bare_star: Option<Span> = None;
    let mut seen_default = false;
    let mut kwarg_span: Option<Span> = None;
    let item_span = |it: &ParamItem| match it {
        ParamItem::Plain(x) | ParamItem::DoubleStar(x) => x.span,
        ParamItem::Star(_, s) | ParamItem::Slash(s) => *s,
    };
    for (i, item) in items.iter().enumerate() {
        if kwarg_span.is_some() {
            return err(
                "arguments cannot follow var-keyword argument",
                item_span(item),
            );
        }
        match item {
            ParamItem::Slash(s) => {
                if seen_slash {
                    return err("/ may appear only once", *s);
                }
                if seen_star {
                    return err("/ must be ahead of *", *s);
                }
                if i == 0 {
                    return err("at least one argument must precede /", *s);
                }
                seen_slash = true;
                p.posonly = std::mem::take(&mut p.args);
            }
            ParamItem::Star(param, s) => {
                if seen_star {
                    return err("* argument may appear only once", *s);
                }
                seen_star = true;
                if let Some(param) = param {
                    if let Some(d) = &param.default {
                        return err("var-positional argument cannot have default value", d.span);
                    }
                    p.vararg = Some((**param).clone());
                } else {
                    bare_star = Some(*s);
                    // A bare `*` must be followed by a keyword-only parameter.
                    // (`/` after it gets its own message.)
                    let next_is_named = matches!(
                        items.get(i + 1),
                        Some(ParamItem::Plain(_) | ParamItem::Slash(_))
                    );
                    if !next_is_named {
                        return err("named arguments must follow bare *", *s);
                    }
                }
            }
            ParamItem::DoubleStar(param) => {
                if let Some(d) = &param.default {
                    return err("var-keyword argument cannot have default value", d.span);
                }
                kwarg_span = Some(param.span);
                p.kwarg = Some((**param).clone());
            }
            ParamItem::Plain(param) => {
                if seen_star {
                    p.kwonly.push((**param).clone());
                } else {
                    if param.default.is_some() {
                        seen_default = true;
                    } else if seen_default {
                        return err("non-default argument follows default argument", param.span);
                    }
                    p.args.push((**param).clone());
                }
            }
        }
    }
    let _ = bare_star;
    // Duplicate names are found by CPython's symbol table, after parsing.
    let mut seen: Vec<&str> = Vec::new();
    let all = p
        .posonly
        .iter()
        .chain(&p.args)
        .chain(&p.vararg)
        .chain(&p.kwonly)
        .chain(&p.kwarg);
    for param in all {
        if seen.contains(&param.name.as_str()) {
            ctx.defer(
                SYMTABLE,
                SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("duplicate argument '{}' in function definition", param.name),
                    param.span,
                ),
            );
        }
        seen.push(&param.name);
    }
    Ok(Box::new(p))
}

// ---- Statements ---------------------------------------------------------------------------

/// The end of a compound statement: the end of the last statement of its last block.
pub fn block_end(body: &[Stmt], fallback: usize) -> usize {
    body.last().map_or(fallback, |s| s.span.end as usize)
}

pub fn if_chain(
    test: Expr,
    body: Vec<Stmt>,
    elifs: Vec<Box<(usize, Expr, Vec<Stmt>)>>,
    orelse: Option<Vec<Stmt>>,
    l: usize,
) -> Box<Stmt> {
    let mut tail = orelse.unwrap_or_default();
    for clause in elifs.into_iter().rev() {
        let (el, t, b) = *clause;
        let end = block_end(&tail, block_end(&b, el));
        tail = vec![*stmt(
            StmtKind::If {
                test: t,
                body: b,
                orelse: tail,
            },
            el,
            end,
        )];
    }
    let end = block_end(&tail, block_end(&body, l));
    stmt(
        StmtKind::If {
            test,
            body,
            orelse: tail,
        },
        l,
        end,
    )
}

pub struct Handler {
    pub star: bool,
    pub handler: ExceptHandler,
}

pub fn try_stmt<'a>(
    body: Vec<Stmt>,
    handlers: Vec<Box<Handler>>,
    orelse: Option<Vec<Stmt>>,
    finalbody: Option<Vec<Stmt>>,
    l: usize,
) -> PResult<'a, Box<Stmt>> {
    let is_star = handlers.first().is_some_and(|h| h.star);
    if let Some(h) = handlers.iter().find(|h| h.star != is_star) {
        return err(
            "cannot have both 'except' and 'except*' on the same 'try'",
            h.handler.span,
        );
    }
    let handlers: Vec<ExceptHandler> = handlers.into_iter().map(|h| h.handler).collect();
    let orelse = orelse.unwrap_or_default();
    let finalbody = finalbody.unwrap_or_default();
    let mut end = block_end(&body, l);
    if let Some(h) = handlers.last() {
        end = block_end(&h.body, end);
    }
    end = block_end(&orelse, end);
    end = block_end(&finalbody, end);
    Ok(stmt(
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            is_star,
        },
        l,
        end,
    ))
}

/// The items of `with (a as b, c):` — CPython's parenthesised form. Items that cannot be
/// with-items (starred, walrus) mean the parentheses were a tuple or a named expression.
pub fn paren_with_items<'a>(
    items: Vec<(Expr, Option<Expr>)>,
    trailing: bool,
    l: usize,
    r: usize,
) -> PResult<'a, Vec<WithItem>> {
    let odd = items
        .iter()
        .any(|(e, _)| matches!(e.kind, ExprKind::Starred(_) | ExprKind::NamedExpr { .. }));
    let any_as = items.iter().any(|(_, t)| t.is_some());
    if odd {
        if any_as {
            return err("invalid syntax", span(l, r));
        }
        let exprs: Vec<Expr> = items.into_iter().map(|(e, _)| e).collect();
        let context = if exprs.len() == 1 && !trailing {
            paren(
                exprs
                    .into_iter()
                    .next()
                    .unwrap_or_else(|| expr(ExprKind::Tuple(vec![]), l, r)),
            )?
        } else {
            expr(ExprKind::Tuple(exprs), l, r)
        };
        return Ok(vec![WithItem {
            context,
            target: None,
        }]);
    }
    let mut out = Vec::with_capacity(items.len());
    for (context, target) in items {
        if let Some(t) = &target {
            check_target(t, TargetKind::Store)?;
        }
        out.push(WithItem { context, target });
    }
    Ok(out)
}

pub fn with_item<'a>(context: Expr, target: Option<Expr>) -> PResult<'a, WithItem> {
    if let Some(t) = &target {
        check_target(t, TargetKind::Store)?;
    }
    Ok(WithItem { context, target })
}

pub fn import_from<'a>(
    level: u32,
    module: Option<String>,
    names: Vec<Alias>,
    trailing_comma_at: Option<usize>,
    l: usize,
    r: usize,
) -> PResult<'a, Box<Stmt>> {
    if let Some(at) = trailing_comma_at {
        return err(
            "trailing comma not allowed without surrounding parentheses",
            span(at, at + 1),
        );
    }
    Ok(stmt(
        StmtKind::ImportFrom {
            module: module.unwrap_or_default(),
            names,
            level,
        },
        l,
        r,
    ))
}

pub fn expression_statement(ctx: &Ctx<'_>, e: Expr, l: usize, r: usize) -> Box<Stmt> {
    check_value(ctx, &e);
    stmt(StmtKind::Expr(e), l, r)
}
