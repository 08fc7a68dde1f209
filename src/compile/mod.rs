//! The compiler: scope analysis, then code generation into `code::Code`.

pub mod code;
pub mod codegen;
pub mod scope;
pub mod stack;

pub use codegen::{compile_module, Mode};
