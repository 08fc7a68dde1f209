//! tulip: an interpreter for the async subset of Python met in asyncio tutorials.
//!
//! The pipeline, in the order data flows: `syntax` (tokens, indentation, AST, parse errors) →
//! `compile` (scopes, bytecode) → `vm` (frames, dispatch, values) → `runtime` (builtin types and
//! modules) → `asyncio` (event loop) → the edges (`cli`, `interp`, and `doc`, the tutorial
//! document checker).

pub mod asyncio;
pub mod cli;
pub mod compile;
pub mod diagnostics;
pub mod doc;
pub mod interp;
pub mod repl;
pub mod runtime;
pub mod syntax;
pub mod vm;

pub use interp::{run_source, Interpreter, RunOptions};
pub use vm::ClockKind;
