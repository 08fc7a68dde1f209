//! Syntax errors: what the lexer, the parser and the compiler's static checks report before any
//! code runs. Rendering them for people is `crate::diagnostics`' job, not this module's.

use super::ast::Span;

/// Which Python exception class the error is raised as.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SyntaxErrorKind {
    SyntaxError,
    IndentationError,
    TabError,
}

impl SyntaxErrorKind {
    pub fn class_name(self) -> &'static str {
        match self {
            SyntaxErrorKind::SyntaxError => "SyntaxError",
            SyntaxErrorKind::IndentationError => "IndentationError",
            SyntaxErrorKind::TabError => "TabError",
        }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct SyntaxError {
    pub kind: SyntaxErrorKind,
    /// Exactly CPython 3.11's message, e.g. `invalid syntax` or `expected ':'`.
    pub message: String,
    /// Where to point. CPython reports a line and column; we keep the whole offending span.
    pub span: Span,
    /// A short label for the span ("expected ':' here"); `None` when the message says it all.
    pub label: Option<String>,
    /// Extra advice beyond CPython's message, shown as a note.
    pub hint: Option<String>,
}

impl SyntaxError {
    pub fn new(kind: SyntaxErrorKind, message: impl Into<String>, span: Span) -> SyntaxError {
        SyntaxError {
            kind,
            message: message.into(),
            span,
            label: None,
            hint: None,
        }
    }

    pub fn with_label(mut self, label: impl Into<String>) -> SyntaxError {
        self.label = Some(label.into());
        self
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> SyntaxError {
        self.hint = Some(hint.into());
        self
    }
}
