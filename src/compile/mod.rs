//! The compiler: scope analysis, then code generation into `code::Code`.

pub mod code;
pub mod codegen;
pub mod fuse;
pub mod scope;
pub mod stack;

pub use codegen::{compile_module, Mode};

use std::rc::Rc;

use crate::syntax::error::SyntaxError;
use crate::syntax::parser::CompilerPhase;

/// Parses and compiles `source`, reporting the first error in CPython's order: parse errors,
/// then symbol-table errors (over the whole module), then code-generation errors.
pub fn compile_source(
    source: &str,
    file: Rc<code::SourceFile>,
    module: &Rc<crate::vm::object::Module>,
    mode: Mode,
) -> Result<Rc<code::Code>, SyntaxError> {
    let (ast, checks) = crate::syntax::parser::parse_module_deferred(source)?;
    let first_of = |phase: CompilerPhase| {
        checks
            .iter()
            .filter(|c| c.phase == phase)
            .map(|c| c.error.clone())
            .min_by_key(|e| e.span.start)
    };
    let earlier = |a: SyntaxError, b: Option<SyntaxError>| match b {
        Some(b) if b.span.start < a.span.start => b,
        _ => a,
    };
    if let Err(e) = scope::analyze(&ast) {
        return Err(earlier(e, first_of(CompilerPhase::SymbolTable)));
    }
    if let Some(e) = first_of(CompilerPhase::SymbolTable) {
        return Err(e);
    }
    match compile_module(&ast, file, module, mode) {
        Ok(code) => match first_of(CompilerPhase::CodeGeneration) {
            Some(e) => Err(e),
            None => Ok(code),
        },
        Err(e) => Err(earlier(e, first_of(CompilerPhase::CodeGeneration))),
    }
}
