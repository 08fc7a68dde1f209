//! Python's text forms of numbers and strings, byte for byte as CPython 3.11 prints them:
//! `repr(float)`, `repr(complex)`, the format-spec mini-language for `int`/`float`/`complex`/
//! `str`, `round(float, n)`, `float(str)`, `complex(str)`, `int(str, base)`, `hex`/`oct`/`bin`,
//! `repr(str)` and `repr(bytes)`.
//!
//! Everything here is a pure function on Rust values (`f64`, `BigInt`, `&str`). It must not know
//! the interpreter's object model: callers convert their values first and turn a [`PyExc`] (or a
//! `String` documented as a `ValueError` message) into the matching Python exception.

mod float_text;
mod format_spec;
mod parse;
mod repr;
#[cfg(test)]
mod tests;
mod unicode_tables;

use std::fmt;

pub use float_text::{
    complex_repr, float_hash, float_repr, float_round_to_int, float_to_int, format_float_round,
    int_to_float,
};
pub use format_spec::{
    format_complex, format_float, format_int, format_str, parse_format_spec, FormatSpec, Grouping,
    SpecKind,
};
pub use parse::{
    int_to_base, int_to_decimal, parse_complex, parse_float, parse_int, INT_MAX_STR_DIGITS,
};
pub use repr::{is_printable, python_bytes_repr, python_str_repr};

/// A Python exception raised by a function of this module: the exception type and CPython's exact
/// message. Functions that can only raise `ValueError` return a plain `String` instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PyExc {
    ValueError(String),
    OverflowError(String),
    TypeError(String),
    IndexError(String),
}

impl PyExc {
    /// The Python name of the exception type, e.g. `"ValueError"`.
    pub fn type_name(&self) -> &'static str {
        match self {
            PyExc::ValueError(_) => "ValueError",
            PyExc::OverflowError(_) => "OverflowError",
            PyExc::TypeError(_) => "TypeError",
            PyExc::IndexError(_) => "IndexError",
        }
    }

    /// The exception's message, as `str(exc)` shows it.
    pub fn message(&self) -> &str {
        match self {
            PyExc::ValueError(m)
            | PyExc::OverflowError(m)
            | PyExc::TypeError(m)
            | PyExc::IndexError(m) => m,
        }
    }
}

impl fmt::Display for PyExc {
    /// The last line of a traceback: `ValueError: message`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.type_name(), self.message())
    }
}

impl std::error::Error for PyExc {}
