//! Call arguments and parameter lists: their order rules and CPython 3.11's messages
//! (`positional argument follows keyword argument`, `non-default argument follows default
//! argument`, ...).

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::helpers::{err, expr, span, Ctx, PResult, CODEGEN, SYMTABLE};
use super::targets::expr_name;

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
