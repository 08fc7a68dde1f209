//! Turning LALRPOP's errors into CPython 3.11's messages.
//!
//! CPython's parser is PEG with a second "invalid_*" pass for good messages; we are LR(1), so
//! the specific messages are recovered here from the failing token, what the parser expected
//! there, and the tokens before it (re-lexed). The priority rules of `Parser/pegen_errors.c`
//! are reproduced: after a parser error the rest of the input is still tokenized, and a
//! tokenizer error raised later (an unterminated string, an invalid character...) wins.

use lalrpop_util::ParseError;

use super::ast::{Expr, ExprKind, Span};
use super::error::{SyntaxError, SyntaxErrorKind};
use super::helpers::{expr_name, Ctx};
use super::indent::{line_number, Failure, FailureClass, Mode, Spanned, TokenStream};
use super::parser::{python, Top};
use super::token::Token;

pub(crate) fn invalid_syntax(span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, "invalid syntax", span)
}

fn syntax(message: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, message, span)
}

type LalrError<'a> = ParseError<usize, Token<'a>, Failure>;

/// Turns a LALRPOP error into CPython's error, then applies CPython's rule that a tokenizer
/// error later in the input takes priority over a parser error.
pub(crate) fn explain<'a>(
    ctx: &Ctx<'a>,
    start: usize,
    end: usize,
    mode: Mode,
    err: LalrError<'a>,
    stream: &mut TokenStream<'a>,
) -> Failure {
    // The furthest token CPython's parser had read, for `later_tokenizer_error`.
    let mut furthest = None;
    let failure = match err {
        ParseError::User { error } => error,
        ParseError::UnrecognizedToken { token, expected } => {
            let cx = ErrorContext::new(ctx.source, start, end, mode, token.0);
            let f = cx.unrecognized(token, &expected, stream);
            furthest = Some(cx.furthest.get().unwrap_or(token.0));
            f
        }
        ParseError::UnrecognizedEof { location, expected } => {
            let cx = ErrorContext::new(ctx.source, start, end, mode, usize::MAX);
            let mut f = cx.end_of_input(location, &expected);
            f.incomplete = true;
            f
        }
        ParseError::ExtraToken { token } => {
            Failure::parser(invalid_syntax(Span::new(token.0, token.2)))
        }
        ParseError::InvalidToken { location } => {
            Failure::parser(invalid_syntax(Span::new(location, location + 1)))
        }
    };
    if failure.class != FailureClass::Parser {
        return failure;
    }
    later_tokenizer_error(ctx.source, failure, furthest, stream)
}

/// CPython's `_PyPegen_tokenize_full_source_to_check_for_errors`: the rest of the input is
/// tokenized and a tokenizer error found there wins; a bracket left open wins only if it was
/// opened on a line before the furthest token the parser had read (for messages that parse an
/// expression after the error token, the token after that expression).
fn later_tokenizer_error(
    source: &str,
    failure: Failure,
    furthest: Option<usize>,
    stream: &mut TokenStream<'_>,
) -> Failure {
    let err_line = line_number(
        source,
        furthest.unwrap_or(failure.error.span.start as usize),
    );
    for item in stream {
        if let Err(f) = item {
            match f.class {
                FailureClass::TokenizerRaised => return f,
                FailureClass::Unclosed { line } if err_line > line => return f,
                _ => break,
            }
        }
    }
    failure
}

/// The tokens before a parse error, re-lexed, with what the heuristics need to know.
struct ErrorContext<'a> {
    source: &'a str,
    /// Where CPython's parser stopped reading, when a heuristic read past the error token.
    furthest: std::cell::Cell<Option<usize>>,
    mode: Mode,
    /// Tokens strictly before the error position (without the synthetic start token).
    toks: Vec<Spanned<'a>>,
    /// Bracket depth at the error (the inside of an f-string field counts as one level).
    depth: usize,
    /// Index in `toks` of the first token of the current logical line.
    line_first: usize,
}

fn expects(expected: &[String], what: &str) -> bool {
    expected.iter().any(|e| e == what)
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

impl<'a> ErrorContext<'a> {
    fn new(source: &'a str, start: usize, end: usize, mode: Mode, at: usize) -> ErrorContext<'a> {
        let mut toks = Vec::new();
        for item in TokenStream::for_range(source, start, end, mode) {
            match item {
                Ok(t) if t.0 < at || (t.0 == at && t.2 == at && toks.is_empty()) => {
                    if !matches!(t.1, Token::StartModule | Token::StartExpression) {
                        toks.push(t);
                    }
                }
                _ => break,
            }
        }
        let mut depth: usize = if mode == Mode::Expression { 1 } else { 0 };
        let mut line_first = 0;
        for (i, t) in toks.iter().enumerate() {
            match t.1 {
                Token::LPar | Token::WithLPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => depth = depth.saturating_sub(1),
                Token::Newline | Token::Indent | Token::Dedent => line_first = i + 1,
                _ => {}
            }
        }
        ErrorContext {
            source,
            furthest: std::cell::Cell::new(None),
            mode,
            toks,
            depth,
            line_first,
        }
    }

    fn first_of_line(&self) -> Option<Token<'a>> {
        self.toks.get(self.line_first).map(|t| t.1)
    }

    /// The header keyword of the logical line, looking through `async`.
    fn header(&self) -> Option<Token<'a>> {
        match self.first_of_line() {
            Some(Token::Async) => self.toks.get(self.line_first + 1).map(|t| t.1),
            other => other,
        }
    }

    /// Index of the first token of the expression element that ends at the error: just after
    /// the nearest opening bracket, comma, `=`, `:` or header keyword at the error's depth.
    fn element_start(&self) -> usize {
        let mut depth = 0i32;
        for i in (self.line_first..self.toks.len()).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::WithLPar | Token::LSqb | Token::LBrace => {
                    if depth == 0 {
                        return i + 1;
                    }
                    depth -= 1;
                }
                Token::Comma
                | Token::Equal
                | Token::Colon
                | Token::ColonEqual
                | Token::If
                | Token::Elif
                | Token::While
                | Token::Return
                | Token::Assert
                | Token::Del
                | Token::For
                | Token::Else
                | Token::Semi
                    if depth == 0 =>
                {
                    return i + 1
                }
                _ => {}
            }
        }
        self.line_first
    }

    fn unrecognized(
        &self,
        token: (usize, Token<'a>, usize),
        expected: &[String],
        stream: &mut TokenStream<'a>,
    ) -> Failure {
        let (l, tok, r) = token;
        let here = Span::new(l, r.max(l));
        let error = match self.specific(l, tok, r, expected, stream) {
            Ok(e) => e,
            Err(f) => return f,
        };
        // CPython reports these from the parser's status without re-tokenizing the rest.
        if error.is_none() && matches!(tok, Token::Indent | Token::Dedent) {
            let message = if tok == Token::Indent {
                "unexpected indent"
            } else {
                "unexpected unindent"
            };
            return Failure {
                error: SyntaxError::new(SyntaxErrorKind::IndentationError, message, here),
                class: FailureClass::TokenizerQuiet,
                incomplete: false,
            };
        }
        Failure::parser(error.unwrap_or_else(|| {
            let mut e = invalid_syntax(here).with_label(format!("unexpected {tok}"));
            // `match` and `case` are ordinary names for tulip.
            if let Some(Token::Name("match" | "case")) = self.first_of_line() {
                if self.toks.len() == self.line_first + 1 {
                    e = e.with_hint("tulip does not support the match statement");
                }
            }
            e
        }))
    }

    /// A CPython-specific message for this error, if one applies. `Err` carries a failure that
    /// replaces the parser error entirely (a bracket that was never closed).
    fn specific(
        &self,
        l: usize,
        tok: Token<'a>,
        r: usize,
        expected: &[String],
        stream: &mut TokenStream<'a>,
    ) -> Result<Option<SyntaxError>, Failure> {
        let mut here = Span::new(l, r.max(l));
        // A DEDENT at the end of input sits, for CPython, on the last line.
        if tok == Token::Dedent && l >= self.source.len() && self.source.ends_with('\n') {
            if let Some(nl) = self.toks.iter().rev().find(|t| t.1 == Token::Newline) {
                here = Span::new(nl.0, nl.2);
            }
        }
        let here = here;
        let prev = self.toks.last().map(|t| t.1);
        // LR parsers detect the error before reducing the strings just read; CPython has
        // already decoded them (`f'{'` followed by a name is an f-string error).
        if let Some(Token::String(_)) = prev {
            let n = self
                .toks
                .iter()
                .rev()
                .take_while(|t| matches!(t.1, Token::String(_)))
                .count();
            let parts: Vec<(usize, &str, usize)> = self.toks[self.toks.len() - n..]
                .iter()
                .filter_map(|t| match t.1 {
                    Token::String(s) => Some((t.0, s, t.2)),
                    _ => None,
                })
                .collect();
            let ctx = Ctx::new(self.source);
            if let Err(ParseError::User { error }) = super::helpers::strings(&ctx, parts) {
                return Err(error);
            }
        }
        if expects(expected, &quoted("except"))
            && expects(expected, &quoted("finally"))
            && !expects(expected, "Name")
        {
            return Ok(Some(syntax("expected 'except' or 'finally' block", here)));
        }
        if tok == Token::Indent {
            return Ok(None);
        }
        if expects(expected, "Indent") {
            return Ok(Some(self.expected_block(here)));
        }
        let header = self.header();
        let is_header = |t: Option<Token<'_>>| {
            matches!(
                t,
                Some(
                    Token::If
                        | Token::Elif
                        | Token::While
                        | Token::For
                        | Token::With
                        | Token::Class
                        | Token::Except
                        | Token::Def
                        | Token::Try
                        | Token::Finally
                        | Token::Else
                )
            )
        };
        if self.mode == Mode::Module && self.depth == 0 && expects(expected, &quoted(":")) {
            // `if x` + NEWLINE; `def`, `try`, `finally` and `else` insist on ':' whatever follows.
            let forced = matches!(
                header,
                Some(Token::Def | Token::Try | Token::Finally | Token::Else)
            );
            if is_header(header) && (tok == Token::Newline || forced) && !self.header_colon_seen() {
                return Ok(Some(syntax("expected ':'", here)));
            }
        }
        if header == Some(Token::Def)
            && self.depth == 0
            && !self.header_colon_seen()
            && (prev == Some(Token::Arrow)
                || self.toks[self.line_first..]
                    .iter()
                    .any(|t| t.1 == Token::Arrow))
        {
            return Ok(Some(syntax("expected ':'", here)));
        }
        if prev == Some(Token::Lambda) && tok == Token::LPar {
            return Ok(Some(syntax(
                "Lambda expression parameters cannot be parenthesized",
                here,
            )));
        }
        if expects(expected, &quoted("in")) {
            if let Some(e) = self.invalid_for_target() {
                return Ok(Some(e));
            }
        }
        if prev == Some(Token::Equal)
            && matches!(tok, Token::Comma | Token::Colon)
            && self.in_lambda_parameters()
        {
            return Ok(Some(syntax("expected default value expression", here)));
        }
        if self.in_def_parameters() {
            if prev == Some(Token::Equal) && matches!(tok, Token::Comma | Token::RPar) {
                return Ok(Some(syntax("expected default value expression", here)));
            }
            if tok == Token::LPar && matches!(prev, Some(Token::LPar | Token::Comma)) {
                return Ok(Some(syntax(
                    "Function parameters cannot be parenthesized",
                    here,
                )));
            }
        }
        if header == Some(Token::Def)
            && self.toks.len()
                == self.line_first + 2 + usize::from(self.first_of_line() == Some(Token::Async))
            && expects(expected, &quoted("("))
        {
            return Ok(Some(syntax("expected '('", here)));
        }
        if tok == Token::Comma && self.depth == 0 && header == Some(Token::Except) {
            let start = self.toks.get(self.line_first + 1).map_or(l, |t| t.0);
            return Ok(Some(syntax(
                "multiple exception types must be parenthesized",
                Span::new(start, r),
            )));
        }
        if expects(expected, &quoted("else")) && !expects(expected, "Name") && tok != Token::Colon {
            // `a if b` without its `else`.
            let if_at = self.toks.iter().rposition(|t| t.1 == Token::If);
            if let Some(i) = if_at {
                let start = self.element_start_before(i);
                let end = self.toks.last().map_or(r, |t| t.2);
                return Ok(Some(syntax(
                    "expected 'else' after 'if' expression",
                    Span::new(self.toks.get(start).map_or(l, |t| t.0), end),
                )));
            }
        }
        if tok == Token::Star
            && prev == Some(Token::Colon)
            && self.innermost_open() == Some(Token::LBrace)
        {
            return Ok(Some(syntax(
                "cannot use a starred expression in a dictionary value",
                here,
            )));
        }
        if let Some(e) = self.dict_key_without_value(l, tok, r, expected) {
            return Ok(Some(e));
        }
        if tok == Token::For
            && self.depth > 0
            && self.toks.len() >= 3
            && !self.in_def_parameters()
            && self.comprehension_follows(r)
        {
            // `f(x=1 for x in y)`: a keyword argument where a generator was meant.
            let n = self.toks.len();
            let start = self.element_start();
            if start >= 2 && self.toks[start - 1].1 == Token::Equal {
                if let Token::Name(_) = self.toks[start - 2].1 {
                    let from = self.toks[start - 2].0;
                    let to = self.toks[start - 1].2;
                    let _ = n;
                    return Ok(Some(syntax(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        Span::new(from, to),
                    )));
                }
            }
        }
        if prev == Some(Token::Equal) && self.depth == 0 && !tok.starts_expression() {
            if let Some(e) = self.invalid_assignment_target() {
                return Ok(Some(e));
            }
        }
        if tok == Token::Equal && !expects(expected, &quoted("=")) {
            if let Some(e) = self.misplaced_equal(l, r) {
                return Ok(Some(e));
            }
        }
        // `a not b`: the `not` starts the second expression.
        let (b_at, before_b) = if prev == Some(Token::Not) && self.toks.len() >= 2 {
            (
                self.toks.len() - 1,
                self.toks.get(self.toks.len() - 2).map(|t| t.1),
            )
        } else {
            (self.toks.len(), prev)
        };
        if tok.starts_expression() && before_b.is_some_and(|p| p.ends_expression()) {
            let sub;
            let cx = if b_at < self.toks.len() {
                sub = self.truncated(b_at);
                &sub
            } else {
                self
            };
            let mut start = cx.element_start();
            // `f(*a b)` and `f(**a b)`: in a call the operand is an expression (in displays it
            // is a bitwise-or, which gets no comma hint).
            if matches!(
                cx.toks.get(start).map(|t| t.1),
                Some(Token::Star | Token::DoubleStar)
            ) && cx.innermost_is_call()
            {
                start += 1;
            }
            let first = cx.toks.get(start);
            // `print "x"`: Python 2 habits.
            if let Some((pl, Token::Name(n @ ("print" | "exec")), _)) = first {
                if start + 1 == self.toks.len() {
                    let end = self.expression_end_after(l);
                    return Ok(Some(syntax(
                        format!("Missing parentheses in call to '{n}'. Did you mean {n}(...)?"),
                        Span::new(*pl, end),
                    )));
                }
            }
            let b_first = if b_at < self.toks.len() {
                Token::Not
            } else {
                tok
            };
            // Where CPython tries `invalid_expression` (an expression context, not an import
            // list or a parameter name), it parses the second expression whatever the depth;
            // running into the end of the input with a bracket open reports the bracket.
            let importing = matches!(cx.first_of_line(), Some(Token::From | Token::Import));
            let plain = !importing
                && start < cx.toks.len()
                && cx.is_plain_element(start, b_first)
                && (!cx.in_def_parameters()
                    || matches!(cx.toks[start - 1].1, Token::Colon | Token::Equal));
            if plain {
                let b_complete = self.skip_expression(tok, stream)?;
                if cx.depth > 0 && b_complete {
                    let from = first.map_or(l, |t| t.0);
                    let to = cx.toks.last().map_or(r, |t| t.2);
                    return Ok(Some(
                        syntax(
                            "invalid syntax. Perhaps you forgot a comma?",
                            Span::new(from, to),
                        )
                        .with_label("perhaps a comma is missing after this"),
                    ));
                }
            }
        }
        Ok(None)
    }

    /// Does a plausible `for ... in` clause follow (before the enclosing bracket closes)?
    fn comprehension_follows(&self, after_for: usize) -> bool {
        let mut depth = 0i32;
        let stream =
            TokenStream::for_range(self.source, after_for, self.source.len(), Mode::Expression);
        for (i, item) in stream.skip(1).enumerate() {
            let Ok((_, t, _)) = item else { return false };
            match t {
                Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => {
                    depth -= 1;
                    if depth < 0 {
                        return false;
                    }
                }
                Token::In if depth == 0 => return i > 0,
                _ => {}
            }
        }
        false
    }

    /// `for f() in x:` where the target did not even parse as one (`for f(x for x in y)`).
    fn invalid_for_target(&self) -> Option<SyntaxError> {
        // The innermost `for` at the error's bracket depth.
        let mut depth = 0i32;
        let mut k = None;
        for i in (self.line_first..self.toks.len()).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace | Token::WithLPar => {
                    if depth == 0 {
                        break;
                    }
                    depth -= 1;
                }
                Token::For if depth == 0 => {
                    k = Some(i);
                    break;
                }
                _ => {}
            }
        }
        let k = k?;
        // With an `in` already read, the target was fine and the iterable is at fault.
        if self.toks[k..].iter().any(|t| t.1 == Token::In) {
            return None;
        }
        let from = self.toks.get(k + 1)?.0;
        let to = self.toks.last()?.2;
        let target = parse_expression_text(self.source, from, to)?;
        let bad = super::helpers::invalid_target(&target, super::helpers::TargetKind::For)?;
        Some(syntax(
            format!("cannot assign to {}", expr_name(bad)),
            bad.span,
        ))
    }

    /// Has the current compound-statement header already had its own `:`?
    fn header_colon_seen(&self) -> bool {
        let mut depth = 0i32;
        let mut lambdas = 0;
        for t in &self.toks[self.line_first.min(self.toks.len())..] {
            match t.1 {
                Token::LPar | Token::WithLPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => depth -= 1,
                Token::Lambda if depth == 0 => lambdas += 1,
                // A lambda's own colon does not end the header.
                Token::Colon if depth == 0 && lambdas > 0 => lambdas -= 1,
                Token::Colon if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    /// `lambda: 0 =` + end of line: CPython's `invalid_assignment` names the bad target as soon
    /// as it sees the `=`.
    fn invalid_assignment_target(&self) -> Option<SyntaxError> {
        let eq = self.toks.len().checked_sub(1)?;
        let header = self.first_of_line();
        if matches!(
            header,
            Some(Token::Def | Token::Class | Token::For | Token::With | Token::Async)
        ) {
            return None;
        }
        let mut depth = 0i32;
        let mut start = self.line_first;
        for i in (self.line_first..eq).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace => depth -= 1,
                Token::Equal | Token::Semi if depth == 0 => {
                    start = i + 1;
                    break;
                }
                _ => {}
            }
        }
        let from = self.toks.get(start)?.0;
        let target = parse_expression_text(self.source, from, self.toks[eq].0)?;
        if matches!(target.kind, ExprKind::Yield(_) | ExprKind::YieldFrom(_)) {
            return Some(syntax(
                "assignment to yield expression not possible",
                target.span,
            ));
        }
        let bad = super::helpers::invalid_target(&target, super::helpers::TargetKind::Store)?;
        Some(syntax(
            format!("cannot assign to {}", expr_name(bad)),
            bad.span,
        ))
    }

    /// Is the innermost open bracket the parameter list of a `def`?
    fn in_def_parameters(&self) -> bool {
        let mut k = self.line_first;
        if self.toks.get(k).map(|t| t.1) == Some(Token::Async) {
            k += 1;
        }
        if self.toks.get(k).map(|t| t.1) != Some(Token::Def) {
            return false;
        }
        let paren = k + 2;
        let mut depth = 0i32;
        for i in (0..self.toks.len()).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace => {
                    if depth == 0 {
                        return i == paren;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        false
    }

    /// `{1: 2, 3}` and `{1: }`: CPython's `invalid_double_starred_kvpairs`.
    fn dict_key_without_value(
        &self,
        l: usize,
        tok: Token<'_>,
        r: usize,
        expected: &[String],
    ) -> Option<SyntaxError> {
        if !matches!(tok, Token::Comma | Token::RBrace) && !expects(expected, &quoted(":")) {
            return None;
        }
        // Find the innermost open bracket and check that it is a dict display.
        let mut depth = 0i32;
        let mut open = None;
        for i in (0..self.toks.len()).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::WithLPar | Token::LSqb | Token::LBrace => {
                    if depth == 0 {
                        open = Some(i);
                        break;
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        let open = open?;
        if self.toks[open].1 != Token::LBrace {
            return None;
        }
        let inner = &self.toks[open + 1..];
        let mut depth = 0i32;
        let mut colon_seen = false;
        for t in inner {
            match t.1 {
                Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => depth -= 1,
                Token::Colon | Token::DoubleStar if depth == 0 => colon_seen = true,
                _ => {}
            }
        }
        if !colon_seen {
            return None;
        }
        if self.toks.last().map(|t| t.1) == Some(Token::Colon) {
            let c = self.toks[self.toks.len() - 1];
            return Some(syntax(
                "expression expected after dictionary key and ':'",
                Span::new(c.0, c.2),
            ));
        }
        if expects(expected, &quoted(":")) {
            let start = self.element_start();
            let from = self.toks.get(start).map_or(l, |t| t.0);
            return Some(syntax(
                "':' expected after dictionary key",
                Span::new(from, r.max(from)),
            ));
        }
        None
    }

    fn element_start_before(&self, index: usize) -> usize {
        let sub = ErrorContext {
            source: self.source,
            furthest: std::cell::Cell::new(None),
            mode: self.mode,
            toks: self.toks[..index].to_vec(),
            depth: self.depth,
            line_first: self.line_first.min(index),
        };
        sub.element_start()
    }

    /// Is the element before the error a plain expression (CPython's `disjunction`), not part of
    /// a comprehension, lambda, conditional, starred item or `NAME STRING` pair?
    fn is_plain_element(&self, start: usize, next: Token<'_>) -> bool {
        let elem = &self.toks[start.min(self.toks.len())..];
        if elem.is_empty() {
            return false;
        }
        if matches!(elem[0].1, Token::Star | Token::DoubleStar) {
            return false;
        }
        // CPython's `!(NAME STRING)`: `f(a 'b')` is not taken for a missing comma.
        let second = elem.get(1).map_or(next, |t| t.1);
        if matches!((elem[0].1, second), (Token::Name(_), Token::String(_))) {
            return false;
        }
        match start.checked_sub(1).map(|i| self.toks[i].1) {
            // A comprehension condition is a `disjunction`: no comma hint there.
            Some(Token::If) => return false,
            // A `for` target: `for b c` is a missing comma, `for x in y z` is not, and
            // CPython only looks at the first `for` of a comprehension.
            Some(Token::For)
                if elem.iter().any(|t| t.1 == Token::In)
                    || self.earlier_for_in_bracket(start - 1) =>
            {
                return false
            }
            _ => {}
        }
        let mut depth = 0i32;
        for t in elem {
            match t.1 {
                Token::LPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => depth -= 1,
                Token::For
                | Token::Lambda
                | Token::If
                | Token::Else
                | Token::Yield
                | Token::Async
                    if depth == 0 =>
                {
                    return false
                }
                _ => {}
            }
        }
        true
    }

    /// Reads the rest of an expression from the token stream, as CPython's parser does before
    /// raising the comma and `=` messages, and records the token after it as the furthest
    /// read. A tokenizer error met on the way (the input ending inside a bracket) replaces
    /// the message.
    /// Returns whether the expression starting with `first` (already read) is complete.
    fn skip_expression(
        &self,
        first: Token<'a>,
        stream: &mut TokenStream<'a>,
    ) -> Result<bool, Failure> {
        let mut depth = 0i32;
        let mut prev_ends = first.ends_expression();
        let mut needs_operand = !first.ends_expression();
        let mut after_open = false;
        if matches!(first, Token::LPar | Token::LSqb | Token::LBrace) {
            depth = 1;
            after_open = true;
        }
        for item in stream.by_ref() {
            let (start, t, _) = match item {
                Ok(t) => t,
                Err(f) => {
                    return match f.class {
                        FailureClass::Unclosed { .. } | FailureClass::TokenizerRaised => Err(f),
                        _ => Ok(false),
                    }
                }
            };
            if needs_operand && depth == 0 {
                needs_operand = false;
                if !t.starts_expression() {
                    self.furthest.set(Some(start));
                    return Ok(false);
                }
            }
            if after_open
                && !(t.starts_expression()
                    || matches!(
                        t,
                        Token::Star
                            | Token::DoubleStar
                            | Token::Yield
                            | Token::RPar
                            | Token::RSqb
                            | Token::RBrace
                    ))
            {
                // `{ in ...`: the second expression does not even start.
                self.furthest.set(Some(start));
                return Ok(false);
            }
            after_open = matches!(t, Token::LPar | Token::LSqb | Token::LBrace);
            let stop = match t {
                Token::LPar | Token::LSqb | Token::LBrace => {
                    depth += 1;
                    false
                }
                Token::RPar | Token::RSqb | Token::RBrace => {
                    depth -= 1;
                    depth < 0
                }
                _ if depth > 0 => false,
                Token::Comma
                | Token::Colon
                | Token::Equal
                | Token::ColonEqual
                | Token::Semi
                | Token::Newline
                | Token::For
                | Token::If
                | Token::Else
                | Token::Async
                | Token::In
                | Token::Not
                | Token::And
                | Token::Or
                | Token::Is
                | Token::Less
                | Token::Greater
                | Token::LessEqual
                | Token::GreaterEqual
                | Token::EqEqual
                | Token::NotEqual => true,
                _ => prev_ends && t.starts_expression() && !matches!(t, Token::Minus | Token::Plus),
            };
            if stop {
                self.furthest.set(Some(start));
                return Ok(true);
            }
            prev_ends = t.ends_expression();
        }
        Ok(true)
    }

    /// The innermost bracket still open at the error.
    fn innermost_open(&self) -> Option<Token<'a>> {
        let mut depth = 0i32;
        for t in self.toks.iter().rev() {
            match t.1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace | Token::WithLPar => {
                    if depth == 0 {
                        return Some(t.1);
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        None
    }

    /// Are we between a `lambda` and its `:`?
    fn in_lambda_parameters(&self) -> bool {
        let mut depth = 0i32;
        for t in self.toks[self.line_first.min(self.toks.len())..]
            .iter()
            .rev()
        {
            match t.1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace | Token::WithLPar => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                Token::Colon if depth == 0 => return false,
                Token::Lambda if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    /// Is the innermost open bracket a call's parenthesis?
    fn innermost_is_call(&self) -> bool {
        let mut depth = 0i32;
        for i in (0..self.toks.len()).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace => {
                    if depth == 0 {
                        return self.toks[i].1 == Token::LPar
                            && i > 0
                            && self.toks[i - 1].1.ends_expression();
                    }
                    depth -= 1;
                }
                _ => {}
            }
        }
        false
    }

    /// Is there a `for` before token `k` inside the same innermost bracket?
    fn earlier_for_in_bracket(&self, k: usize) -> bool {
        let mut depth = 0i32;
        for i in (0..k).rev() {
            match self.toks[i].1 {
                Token::RPar | Token::RSqb | Token::RBrace => depth += 1,
                Token::LPar | Token::LSqb | Token::LBrace | Token::WithLPar => {
                    if depth == 0 {
                        return false;
                    }
                    depth -= 1;
                }
                Token::For if depth == 0 => return true,
                _ => {}
            }
        }
        false
    }

    /// The context as it was before token `n`.
    fn truncated(&self, n: usize) -> ErrorContext<'a> {
        let toks = self.toks[..n].to_vec();
        let mut depth: usize = usize::from(self.mode == Mode::Expression);
        let mut line_first = 0;
        for (i, t) in toks.iter().enumerate() {
            match t.1 {
                Token::LPar | Token::WithLPar | Token::LSqb | Token::LBrace => depth += 1,
                Token::RPar | Token::RSqb | Token::RBrace => depth = depth.saturating_sub(1),
                Token::Newline | Token::Indent | Token::Dedent => line_first = i + 1,
                _ => {}
            }
        }
        ErrorContext {
            source: self.source,
            furthest: std::cell::Cell::new(None),
            mode: self.mode,
            toks,
            depth,
            line_first,
        }
    }

    /// Where the expression starting at `at` ends, roughly: the end of the logical line.
    fn expression_end_after(&self, at: usize) -> usize {
        let rest = &self.source[at.min(self.source.len())..];
        at + rest.find(['\n', '\r', ';']).unwrap_or(rest.len())
    }

    /// Records where CPython stops reading after the value of a misplaced `=`.
    fn furthest_after_value(&self, after_equal: usize) -> Option<Token<'a>> {
        let mut stream = TokenStream::for_range(
            self.source,
            after_equal,
            self.source.len(),
            Mode::Expression,
        );
        stream.next();
        let mut first = true;
        let mut depth = 0i32;
        for item in stream {
            let Ok((start, t, _)) = item else {
                return None;
            };
            let stop = match t {
                Token::LPar | Token::LSqb | Token::LBrace => {
                    depth += 1;
                    false
                }
                Token::RPar | Token::RSqb | Token::RBrace => {
                    depth -= 1;
                    depth < 0
                }
                _ if depth > 0 || first => false,
                Token::Dot => false,
                _ => !matches!(
                    t,
                    Token::Plus
                        | Token::Minus
                        | Token::Star
                        | Token::Slash
                        | Token::DoubleSlash
                        | Token::Percent
                        | Token::DoubleStar
                        | Token::At
                        | Token::Vbar
                        | Token::Amper
                        | Token::Circumflex
                        | Token::LeftShift
                        | Token::RightShift
                ),
            };
            if stop && depth <= 0 {
                self.furthest.set(Some(start));
                return Some(t);
            }
            first = matches!(
                t,
                Token::Plus
                    | Token::Minus
                    | Token::Star
                    | Token::Slash
                    | Token::DoubleSlash
                    | Token::Percent
                    | Token::DoubleStar
                    | Token::At
                    | Token::Vbar
                    | Token::Amper
                    | Token::Circumflex
                    | Token::LeftShift
                    | Token::RightShift
                    | Token::Tilde
                    | Token::Dot
                    | Token::Await
            );
        }
        None
    }

    /// `if x = 1:` / `[a = 1]`: CPython's `invalid_named_expression`.
    fn misplaced_equal(&self, l: usize, r: usize) -> Option<SyntaxError> {
        let in_test = matches!(
            self.header(),
            Some(Token::If | Token::Elif | Token::While | Token::At)
        );
        if self.depth == 0 && !in_test {
            return None;
        }
        let mut start = self.element_start();
        if start == self.line_first && self.first_of_line() == Some(Token::At) {
            start += 1;
        }
        let first = self.toks.get(start)?;
        // Slice bounds and dict values are plain expressions, not named expressions.
        if start > 0 && self.toks[start - 1].1 == Token::Colon {
            return None;
        }
        if start > 0
            && self.depth == 0
            && !matches!(
                self.toks[start - 1].1,
                Token::If | Token::Elif | Token::While | Token::At
            )
        {
            return None;
        }
        // The value after `=` must be a `bitwise_or`.
        let next = TokenStream::for_range(self.source, r, self.source.len(), Mode::Expression)
            .nth(1)
            .and_then(Result::ok)
            .map(|t| t.1);
        if !next.is_some_and(|t| t.starts_expression() && !matches!(t, Token::Not | Token::Lambda))
        {
            return None;
        }
        // A second `=` right after the value makes it a plain syntax error in CPython.
        let after = &self.source[r..];
        let line_rest = &after[..after
            .find(['\n', ':', ',', ')', ']', '}', ';'])
            .unwrap_or(after.len())];
        let text_span = (first.0, l);
        let target = parse_expression_text(self.source, text_span.0, text_span.1)?;
        if let Some(stop) = self.furthest_after_value(r) {
            if matches!(stop, Token::Equal | Token::ColonEqual) {
                self.furthest.set(None);
                return None;
            }
        }
        let value_end = r + line_rest.trim_end().len();
        if let ExprKind::Name(_) = target.kind {
            return Some(syntax(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                Span::new(target.span.start as usize, value_end.max(r)),
            ));
        }
        let excluded = matches!(
            target.kind,
            ExprKind::List(_)
                | ExprKind::Tuple(_)
                | ExprKind::GeneratorExp { .. }
                | ExprKind::Compare { .. }
                | ExprKind::BoolOp { .. }
                | ExprKind::IfExp { .. }
                | ExprKind::Lambda { .. }
                | ExprKind::Starred(_)
                | ExprKind::Yield(_)
                | ExprKind::YieldFrom(_)
                | ExprKind::Constant(
                    super::ast::Constant::True
                        | super::ast::Constant::False
                        | super::ast::Constant::None
                )
        ) || matches!(
            target.kind,
            ExprKind::UnaryOp {
                op: super::ast::UnaryOp::Not,
                ..
            }
        );
        if excluded {
            self.furthest.set(None);
            return None;
        }
        Some(syntax(
            format!(
                "cannot assign to {} here. Maybe you meant '==' instead of '='?",
                expr_name(&target)
            ),
            target.span,
        ))
    }

    /// "expected an indented block after 'if' statement on line N".
    fn expected_block(&self, here: Span) -> SyntaxError {
        // The header is the logical line ended by the last NEWLINE before the error.
        let nl = self.toks.iter().rposition(|t| t.1 == Token::Newline);
        let mut first = 0;
        if let Some(nl) = nl {
            for i in (0..nl).rev() {
                if matches!(
                    self.toks[i].1,
                    Token::Newline | Token::Indent | Token::Dedent
                ) {
                    first = i + 1;
                    break;
                }
            }
        }
        let mut k = first;
        // Decorators are separate logical lines; `async` is part of the header.
        if self.toks.get(k).map(|t| t.1) == Some(Token::Async) {
            k += 1;
        }
        let (what, at) = match self.toks.get(k) {
            Some(&(p, t, _)) => {
                let what = match t {
                    Token::Def => "function definition".to_string(),
                    Token::Class => "class definition".to_string(),
                    Token::Except if self.toks.get(k + 1).map(|x| x.1) == Some(Token::Star) => {
                        "'except*' statement".to_string()
                    }
                    other => match other.keyword() {
                        Some(kw) => format!("'{kw}' statement"),
                        None => "statement".to_string(),
                    },
                };
                (what, self.toks.get(first).map_or(p, |t| t.0))
            }
            None => ("statement".to_string(), here.start as usize),
        };
        // At the end of input CPython points at the header's NEWLINE.
        let span = if here.start as usize >= self.source.len() {
            nl.map_or(here, |i| Span::new(self.toks[i].0, self.toks[i].2))
        } else {
            here
        };
        SyntaxError::new(
            SyntaxErrorKind::IndentationError,
            format!(
                "expected an indented block after {what} on line {}",
                line_number(self.source, at)
            ),
            span,
        )
    }

    fn end_of_input(&self, location: usize, expected: &[String]) -> Failure {
        let last = self.toks.iter().rev().find(|t| t.1 != Token::Dedent);
        let here = match last {
            Some(&(s, Token::Newline, e)) => Span::new(s, e),
            _ => Span::new(location, location),
        };
        if expects(expected, "Indent") {
            return Failure::parser(self.expected_block(Span::new(location, location)));
        }
        if expects(expected, &quoted("except")) && expects(expected, &quoted("finally")) {
            return Failure::parser(syntax("expected 'except' or 'finally' block", here));
        }
        Failure::parser(invalid_syntax(here))
    }
}

/// Parses `source[start..end]` as an expression, for error heuristics; `None` if it is not one.
fn parse_expression_text(source: &str, start: usize, end: usize) -> Option<Expr> {
    let ctx = Ctx::new(source);
    let mut stream = TokenStream::for_range(source, start, end, Mode::Expression);
    match python::TopParser::new().parse(&ctx, &mut stream) {
        Ok(Top::Expression(e)) => Some(e),
        _ => None,
    }
}
