//! f-strings: splitting a literal's body into literal text and replacement fields, and parsing
//! each field's expression with the same parser, positioned at its real byte offset so that
//! spans point into the original source.
//!
//! This follows CPython 3.11's `Parser/string_parser.c` (`fstring_find_literal`,
//! `fstring_find_expr`), including its error messages. Nesting depth is bounded (a format spec
//! may contain fields, whose specs may not), so the recursion here is shallow.

use super::ast::{Expr, FStringPart, Span};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::helpers::Ctx;
use super::indent::{Failure, FailureClass};
use super::strings::{decode_str, Literal};

fn fail(message: impl Into<String>, span: Span) -> Failure {
    Failure::parser(SyntaxError::new(
        SyntaxErrorKind::SyntaxError,
        message,
        span,
    ))
}

/// Parses the body of one f-string literal into parts. `span` is the whole token's span.
pub fn parse_fstring(
    ctx: &Ctx<'_>,
    lit: &Literal<'_>,
    span: Span,
) -> Result<Vec<FStringPart>, Failure> {
    let mut parts = Vec::new();
    let mut scanner = Scanner {
        ctx,
        body: lit.body,
        base: lit.body_start,
        raw: lit.prefix.raw,
        span,
        pos: 0,
    };
    scanner.parse(0, &mut parts)?;
    Ok(parts)
}

struct Scanner<'c, 's> {
    ctx: &'c Ctx<'s>,
    body: &'s str,
    /// Absolute offset of `body`.
    base: usize,
    raw: bool,
    span: Span,
    pos: usize,
}

fn push_literal(parts: &mut Vec<FStringPart>, text: String) {
    if text.is_empty() {
        return;
    }
    if let Some(FStringPart::Literal(prev)) = parts.last_mut() {
        prev.push_str(&text);
    } else {
        parts.push(FStringPart::Literal(text));
    }
}

impl<'s> Scanner<'_, 's> {
    fn bytes(&self) -> &'s [u8] {
        self.body.as_bytes()
    }

    fn at(&self, i: usize) -> Span {
        let p = self.base + i.min(self.body.len());
        Span::new(p, p + 1)
    }

    fn decode(&self, from: usize, to: usize) -> Result<String, Failure> {
        decode_str(&self.body[from..to], self.raw, self.span).map_err(Failure::parser)
    }

    /// Parses literal text and fields until the end of the body (level 0) or a `}` that closes
    /// a format spec (level > 0, not consumed).
    fn parse(&mut self, level: u32, parts: &mut Vec<FStringPart>) -> Result<(), Failure> {
        loop {
            let lit_start = self.pos;
            let b = self.bytes();
            let mut i = self.pos;
            let mut brace = None;
            while i < b.len() {
                let c = b[i];
                if !self.raw && c == b'\\' && i + 1 < b.len() {
                    i += 2;
                    if b[i - 1] == b'N' && b.get(i) == Some(&b'{') {
                        while i < b.len() && b[i] != b'}' {
                            i += 1;
                        }
                        i += 1;
                    }
                    continue;
                }
                if c == b'{' || c == b'}' {
                    brace = Some(c);
                    break;
                }
                i += 1;
            }
            let i = i.min(b.len());
            let Some(c) = brace else {
                let text = self.decode(lit_start, i)?;
                push_literal(parts, text);
                self.pos = i;
                return Ok(());
            };
            if level == 0 && b.get(i + 1) == Some(&c) {
                // `{{` or `}}`: one literal brace.
                let mut text = self.decode(lit_start, i)?;
                text.push(c as char);
                push_literal(parts, text);
                self.pos = i + 2;
                continue;
            }
            if c == b'}' {
                if level == 0 {
                    return Err(fail("f-string: single '}' is not allowed", self.at(i)));
                }
                let text = self.decode(lit_start, i)?;
                push_literal(parts, text);
                self.pos = i;
                return Ok(());
            }
            let text = self.decode(lit_start, i)?;
            push_literal(parts, text);
            self.pos = i + 1;
            self.field(level, parts)?;
        }
    }

    /// Parses one replacement field; `self.pos` is just after its `{`.
    fn field(&mut self, level: u32, parts: &mut Vec<FStringPart>) -> Result<(), Failure> {
        if level >= 2 {
            return Err(fail(
                "f-string: expressions nested too deeply",
                self.at(self.pos),
            ));
        }
        let expecting = |s: &Self| fail("f-string: expecting '}'", s.at(s.body.len()));
        let b = self.bytes();
        let expr_start = self.pos;
        let mut i = self.pos;
        let mut quote: Option<(u8, usize)> = None;
        let mut stack: Vec<u8> = Vec::new();
        while i < b.len() {
            let c = b[i];
            if c == b'\\' {
                return Err(fail(
                    "f-string expression part cannot include a backslash",
                    self.at(i),
                ));
            }
            if let Some((q, n)) = quote {
                if c == q {
                    if n == 3 {
                        if b.get(i + 1) == Some(&q) && b.get(i + 2) == Some(&q) {
                            i += 3;
                            quote = None;
                            continue;
                        }
                    } else {
                        quote = None;
                    }
                }
                i += 1;
                continue;
            }
            match c {
                b'\'' | b'"' => {
                    if b.get(i + 1) == Some(&c) && b.get(i + 2) == Some(&c) {
                        quote = Some((c, 3));
                        i += 3;
                    } else {
                        quote = Some((c, 1));
                        i += 1;
                    }
                    continue;
                }
                b'(' | b'[' | b'{' => {
                    if stack.len() >= 200 {
                        return Err(fail("f-string: too many nested parenthesis", self.at(i)));
                    }
                    stack.push(c);
                }
                b'#' => {
                    return Err(fail(
                        "f-string expression part cannot include '#'",
                        self.at(i),
                    ))
                }
                b')' | b']' | b'}' if !stack.is_empty() => {
                    let open = stack.pop().unwrap_or(b'(');
                    if !matches!((open, c), (b'(', b')') | (b'[', b']') | (b'{', b'}')) {
                        return Err(fail(
                            format!(
                                "f-string: closing parenthesis '{}' does not match opening parenthesis '{}'",
                                c as char, open as char
                            ),
                            self.at(i),
                        ));
                    }
                }
                b'!' | b':' | b'}' | b'=' if stack.is_empty() => {
                    let next = b.get(i + 1).copied();
                    if (c == b'!' || c == b'=') && next == Some(b'=') {
                        i += 2;
                        continue;
                    }
                    break;
                }
                b'<' | b'>' if stack.is_empty() && b.get(i + 1) == Some(&b'=') => {
                    i += 2;
                    continue;
                }
                b')' | b']' => {
                    return Err(fail(
                        format!("f-string: unmatched '{}'", c as char),
                        self.at(i),
                    ))
                }
                _ => {}
            }
            i += 1;
        }
        if quote.is_some() {
            return Err(fail("f-string: unterminated string", self.at(i)));
        }
        if let Some(&open) = stack.last() {
            return Err(fail(
                format!("f-string: unmatched '{}'", open as char),
                self.at(i),
            ));
        }
        if i >= b.len() {
            return Err(expecting(self));
        }
        let expr_end = i;
        let text = &self.body[expr_start..expr_end];
        if text.chars().all(|c| c.is_ascii_whitespace()) {
            return Err(fail(
                "f-string: empty expression not allowed",
                self.at(expr_end),
            ));
        }
        let value = self.expression(expr_start, expr_end)?;
        let mut debug_text = None;
        if b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            if i >= b.len() {
                return Err(expecting(self));
            }
            debug_text = Some(self.body[expr_start..i].to_string());
        }
        let mut conversion = None;
        if b[i] == b'!' {
            i += 1;
            if i >= b.len() {
                return Err(expecting(self));
            }
            let conv = self.body[i..].chars().next().unwrap_or('\0');
            i += conv.len_utf8();
            if !matches!(conv, 's' | 'r' | 'a') {
                return Err(fail(
                    "f-string: invalid conversion character: expected 's', 'r', or 'a'",
                    self.at(i - 1),
                ));
            }
            conversion = Some(conv);
        }
        if i >= b.len() {
            return Err(expecting(self));
        }
        let mut format_spec = None;
        if b[i] == b':' {
            self.pos = i + 1;
            if self.pos >= b.len() {
                return Err(expecting(self));
            }
            let mut spec = Vec::new();
            self.parse(level + 1, &mut spec)?;
            format_spec = Some(spec);
            i = self.pos;
        }
        if i >= b.len() || b[i] != b'}' {
            return Err(expecting(self));
        }
        self.pos = i + 1;
        if let Some(t) = debug_text {
            push_literal(parts, t);
            if conversion.is_none() && format_spec.is_none() {
                conversion = Some('r');
            }
        }
        parts.push(FStringPart::Expr {
            value: Box::new(value),
            conversion,
            format_spec,
        });
        Ok(())
    }

    /// Parses `body[start..end]` as the inside of parentheses, with the main parser.
    fn expression(&self, start: usize, end: usize) -> Result<Expr, Failure> {
        let (abs_start, abs_end) = (self.base + start, self.base + end);
        super::parser::parse_fstring_field(self.ctx, abs_start, abs_end).map_err(|mut f| {
            if f.class == FailureClass::Parser && !f.error.message.starts_with("f-string") {
                f.error.message = format!("f-string: {}", f.error.message);
            }
            f
        })
    }
}
