//! The front end: source text → tokens → indentation-aware token stream → AST.
//!
//! `token` (logos) → `indent` (NEWLINE/INDENT/DEDENT, brackets) → the LALRPOP grammar in
//! `grammar/python.lalrpop`, whose actions call `helpers` (node building), `targets` and
//! `arguments` (the checks CPython makes while parsing), `strings`/`fstring` (literals) →
//! `parser` (entry points, REPL completeness) and `parse_errors` (CPython's messages for what
//! the grammar rejects). `ast` and `error` are the contract with the compiler.

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
