//! tulip: an interpreter for the async subset of Python met in asyncio tutorials.
//!
//! The pipeline, in the order data flows: `syntax` (tokens, indentation, AST, parse errors) →
//! `compile` (scopes, bytecode) → `vm` (frames, dispatch, values) → `runtime` (builtin types and
//! modules) → `asyncio` (event loop) → the edges (`cli`, `repl`, `doc`).

pub mod diagnostics;
pub mod runtime;
pub mod syntax;
