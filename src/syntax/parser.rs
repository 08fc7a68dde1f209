//! Entry points of the front end: whole files, f-string fields, and the REPL's completeness
//! check. How a parse error becomes CPython's message is `parse_errors.rs`' job.

use super::ast::{Expr, Module, Span, Stmt, StmtKind};
use super::error::SyntaxError;
use super::helpers::Ctx;
use super::indent::{Failure, FailureClass, Mode, TokenStream};
use super::parse_errors::{explain, invalid_syntax};

lalrpop_util::lalrpop_mod!(
    #[allow(
        clippy::all,
        clippy::pedantic,
        unused_parens,
        unused_imports,
        dead_code
    )]
    pub(crate) python
);

/// What the grammar's entry produces, depending on the synthetic first token.
pub enum Top {
    Module(Vec<Stmt>),
    Expression(Expr),
}

/// Parses a whole file (or `-c` string, or REPL entry).
///
/// Also reports the few errors CPython raises from its compiler that the front end checks on
/// the way (duplicate parameter names, repeated keyword arguments, misplaced starred
/// expressions); see [`parse_module_deferred`] to receive those separately.
pub fn parse_module(source: &str) -> Result<Module, SyntaxError> {
    let (module, checks) = parse_failure(source).map_err(|f| f.error)?;
    match checks.into_iter().next() {
        Some(c) => Err(c.error),
        None => Ok(module),
    }
}

/// Which stage of CPython's compiler raises a [`CompilerCheck`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum CompilerPhase {
    /// The symbol table, which runs over the whole module before any code is generated
    /// (`duplicate argument 'x' in function definition`).
    SymbolTable,
    /// Code generation, statement by statement (`keyword argument repeated: x`,
    /// `can't use starred expression here`, `multiple starred expressions in assignment`).
    CodeGeneration,
}

/// An error found while parsing that CPython reports from its compiler.
#[derive(Clone, Debug, PartialEq)]
pub struct CompilerCheck {
    pub phase: CompilerPhase,
    pub error: SyntaxError,
}

/// Like [`parse_module`], but returns the compiler-stage errors (sorted by phase, then
/// position) instead of failing with the first, so that the compiler can report them in
/// CPython's order among its own (`'return' outside function`, ...).
pub fn parse_module_deferred(source: &str) -> Result<(Module, Vec<CompilerCheck>), SyntaxError> {
    parse_failure(source).map_err(|f| f.error)
}

fn parse_failure(source: &str) -> Result<(Module, Vec<CompilerCheck>), Failure> {
    let ctx = Ctx::new(source);
    let mut stream = TokenStream::new(source, Mode::Module);
    let parser = python::TopParser::new();
    match parser.parse(&ctx, &mut stream) {
        Ok(Top::Module(body)) => Ok((Module { body }, ctx.take_deferred())),
        Ok(Top::Expression(e)) => Err(Failure::parser(invalid_syntax(e.span))),
        Err(e) => Err(explain(&ctx, 0, source.len(), Mode::Module, e, &mut stream)),
    }
}

/// Parses an f-string replacement field `source[start..end]` as CPython does: as if it were
/// written in parentheses.
pub(crate) fn parse_fstring_field(
    ctx: &Ctx<'_>,
    start: usize,
    end: usize,
) -> Result<Expr, Failure> {
    let mut stream = TokenStream::for_range(ctx.source, start, end, Mode::Expression);
    let parser = python::TopParser::new();
    match parser.parse(ctx, &mut stream) {
        Ok(Top::Expression(e)) => Ok(e),
        Ok(Top::Module(_)) => Err(Failure::parser(invalid_syntax(Span::new(start, end)))),
        Err(e) => Err(explain(ctx, start, end, Mode::Expression, e, &mut stream)),
    }
}

/// For the REPL: should this buffer run now, wait for more lines, or report an error?
#[derive(Clone, Debug, PartialEq)]
pub enum Completeness {
    Complete,
    Incomplete,
    Invalid(SyntaxError),
}

/// Decides like CPython's `codeop`: an open bracket, a trailing backslash or an unterminated
/// triple-quoted string always wants more; a compound statement is finished only by a blank
/// line; input that ends where the grammar still expects something (`if x:`, `@deco`) wants
/// more unless the user already entered a blank line.
pub fn check_completeness(source: &str) -> Completeness {
    let blank_end = ends_with_blank_line(source);
    match parse_failure(source) {
        Ok((module, _)) => {
            let compound = module.body.last().is_some_and(|s| is_compound(&s.kind));
            if compound && !blank_end {
                Completeness::Incomplete
            } else {
                Completeness::Complete
            }
        }
        Err(f) => {
            let unclosed = matches!(f.class, FailureClass::Unclosed { .. });
            // A block header at the end of the input (also a nested one) waits for its body.
            let at_end = source
                .get(f.error.span.start as usize..)
                .is_none_or(|rest| rest.trim().is_empty());
            let open_block =
                !blank_end && at_end && f.error.message.starts_with("expected an indented block");
            if open_block
                || f.incomplete
                    && (unclosed || !blank_end || f.class == FailureClass::TokenizerRaised)
            {
                Completeness::Incomplete
            } else {
                Completeness::Invalid(f.error)
            }
        }
    }
}

fn ends_with_blank_line(source: &str) -> bool {
    let mut lines: Vec<&str> = source.split('\n').collect();
    if lines.last() == Some(&"") {
        lines.pop();
    }
    // Like CPython's interactive tokenizer: only a totally empty line ends a block.
    lines.len() >= 2
        && lines
            .last()
            .is_some_and(|l| l.trim_end_matches('\r').is_empty())
}

fn is_compound(kind: &StmtKind) -> bool {
    matches!(
        kind,
        StmtKind::If { .. }
            | StmtKind::While { .. }
            | StmtKind::For { .. }
            | StmtKind::Try { .. }
            | StmtKind::With { .. }
            | StmtKind::FunctionDef(_)
            | StmtKind::ClassDef(_)
    )
}
