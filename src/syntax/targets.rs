//! Assignment, deletion and `for` targets: which expressions may be assigned to, and the
//! messages CPython 3.11 gives when one may not (`cannot assign to function call here. Maybe
//! you meant '==' instead of '='?`).

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::helpers::{err, expr, span, stmt, user, Ctx, PResult, CODEGEN};

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
