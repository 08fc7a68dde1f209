//! Builtin types, functions and modules.
