//! Builtin types, functions and modules: what Python code can call.

pub mod builtins;
pub mod class;
pub mod dict;
pub mod dict_methods;
pub mod dunders;
pub mod exceptions;
pub mod generators;
pub mod instdict;
pub mod int_methods;
pub mod io;
pub mod iter;
pub mod list;
pub mod modules;
pub mod num;
pub mod numfmt;
pub mod printf;
pub mod random_core;
pub mod repr;
pub mod seq;
pub mod set;
pub mod setops;
pub mod str;
pub mod str_methods;
pub mod strformat;
pub mod time;
pub mod types;
