//! Builtin types, functions and modules.

pub mod numfmt;
pub mod random_core;
