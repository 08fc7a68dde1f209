//! The front end: source text → tokens → indentation-aware token stream → AST.

pub mod ast;
pub mod error;
