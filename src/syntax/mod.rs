//! The front end: source text → tokens → indentation-aware token stream → AST.
//!
//! `token` (logos) → `indent` (NEWLINE/INDENT/DEDENT, brackets) → the LALRPOP grammar in
//! `grammar/python.lalrpop` with `helpers` for its actions, `strings`/`fstring` for literals →
//! `parser` (entry points, CPython-compatible error messages).

pub mod arguments;
pub mod ast;
pub mod error;
pub mod fstring;
pub mod helpers;
pub mod indent;
pub mod parse_errors;
pub mod parser;
pub mod strings;
pub mod targets;
pub mod token;

pub use parser::{
    check_completeness, parse_module, parse_module_deferred, CompilerCheck, CompilerPhase,
    Completeness,
};
