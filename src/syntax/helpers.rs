//! The logic behind the grammar's actions: node construction, literal concatenation, statement
//! assembly, and the state shared by one parse. The grammar stays declarative; the checks that
//! can fail live here and in `targets.rs` / `arguments.rs`.

use std::cell::RefCell;

use lalrpop_util::ParseError;

use super::ast::*;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::fstring::parse_fstring;
use super::indent::Failure;
use super::parser::{CompilerCheck, CompilerPhase};
use super::strings::{decode_bytes, decode_int, decode_str, split_literal};
use super::token::Token;

pub use super::arguments::*;
pub use super::targets::*;

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

    pub(crate) fn defer(&self, priority: CompilerPhase, err: SyntaxError) {
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

pub(crate) const SYMTABLE: CompilerPhase = CompilerPhase::SymbolTable;
pub(crate) const CODEGEN: CompilerPhase = CompilerPhase::CodeGeneration;

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
