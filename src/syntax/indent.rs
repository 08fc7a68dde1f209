//! The layer between `logos` and the parser: turns physical lines into Python's logical token
//! stream (NEWLINE, INDENT, DEDENT), tracks brackets, and yields `(start, token, end)` triples
//! as lalrpop's external-lexer interface wants. It does not look inside literals.
//!
//! Indentation follows CPython's `tok_get`: a column with tabs to multiples of 8 and an
//! "alternate" column with tabs counted as 1; when the two disagree about the order of two
//! lines, it is a `TabError`. A form feed resets both columns.

use std::collections::VecDeque;

use logos::Logos;

use super::ast::Span;
use super::error::{SyntaxError, SyntaxErrorKind};
use super::token::{LexError, Token};

pub type Spanned<'a> = (usize, Token<'a>, usize);

/// CPython's `MAXLEVEL`: deeper bracket nesting is "too many nested parentheses".
const MAX_BRACKET_DEPTH: usize = 200;
/// CPython's `MAXINDENT`.
const MAX_INDENT_LEVELS: usize = 100;

/// An error from the token stream or a grammar action, with what the parser driver needs to
/// decide priorities the way CPython does.
#[derive(Clone, Debug, PartialEq)]
pub struct Failure {
    pub error: SyntaxError,
    pub class: FailureClass,
    /// The input stopped in the middle of something (REPL: ask for another line).
    pub incomplete: bool,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FailureClass {
    /// Raised as an exception by CPython's tokenizer: overrides an earlier generic error.
    TokenizerRaised,
    /// Reported by CPython's tokenizer through its status only (indentation, `\` errors).
    TokenizerQuiet,
    /// End of input with a bracket still open; `line` is the bracket's line (1-based).
    Unclosed { line: usize },
    /// Raised by the parser (an action or an error mapping).
    Parser,
}

impl Failure {
    pub fn parser(error: SyntaxError) -> Failure {
        Failure {
            error,
            class: FailureClass::Parser,
            incomplete: false,
        }
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Mode {
    /// A file: starts with `StartModule`, ends with NEWLINE and DEDENTs.
    Module,
    /// The inside of an f-string replacement field, parsed as if in parentheses.
    Expression,
}

pub struct TokenStream<'a> {
    /// The whole source (line numbers and messages are computed on it).
    source: &'a str,
    /// Offset of the lexed text within `source`.
    base: usize,
    lex: logos::Lexer<'a, Token<'a>>,
    mode: Mode,
    pending: VecDeque<Spanned<'a>>,
    /// Indentation stack of (column, alternate column).
    indents: Vec<(u32, u32)>,
    /// Open brackets: the byte and its absolute position.
    brackets: Vec<(u8, usize)>,
    /// Absolute position where the current physical line starts.
    line_start: usize,
    at_line_start: bool,
    line_has_tokens: bool,
    last: Option<Token<'a>>,
    started: bool,
    done: bool,
}

impl<'a> TokenStream<'a> {
    pub fn new(source: &'a str, mode: Mode) -> TokenStream<'a> {
        TokenStream::for_range(source, 0, source.len(), mode)
    }

    /// Lexes `source[start..end]`, reporting positions in `source`.
    pub fn for_range(source: &'a str, start: usize, end: usize, mode: Mode) -> TokenStream<'a> {
        let mut lex = Token::lexer(&source[start..end]);
        // A UTF-8 byte order mark at the start of a file is not part of the program.
        if start == 0 && source.starts_with('\u{feff}') && mode == Mode::Module {
            lex.bump('\u{feff}'.len_utf8());
        }
        TokenStream {
            source,
            base: start,
            lex,
            mode,
            pending: VecDeque::new(),
            indents: vec![(0, 0)],
            brackets: Vec::new(),
            line_start: start,
            at_line_start: mode == Mode::Module,
            line_has_tokens: false,
            last: None,
            started: false,
            done: false,
        }
    }

    /// True when the stream has reached the end of input with no error.
    pub fn finished(&self) -> bool {
        self.done && self.pending.is_empty()
    }

    fn line_of(&self, pos: usize) -> usize {
        line_number(self.source, pos)
    }

    fn fail(&mut self, error: SyntaxError, class: FailureClass, incomplete: bool) -> Failure {
        self.done = true;
        self.pending.clear();
        Failure {
            error,
            class,
            incomplete,
        }
    }

    fn lex_error(&mut self, e: LexError, span: std::ops::Range<usize>) -> Result<(), Failure> {
        let start = span.start + self.base;
        if e.message.is_empty() {
            // No pattern matched: CPython's message for the character, or an error token.
            let ch = self.source[start..].chars().next().unwrap_or('\0');
            let end = start + ch.len_utf8();
            let message = if ch == '\0' {
                // What CPython says when it reads such a line from a file.
                "source code cannot contain null bytes".to_string()
            } else if is_printable(ch) {
                format!("invalid character '{ch}' (U+{:04X})", ch as u32)
            } else {
                format!("invalid non-printable character U+{:04X}", ch as u32)
            };
            if ch.is_ascii() && is_printable(ch) {
                // `$`-like ASCII characters reach CPython's parser as error tokens.
                self.push(start, Token::ErrorToken, end)?;
                return Ok(());
            }
            let err =
                SyntaxError::new(SyntaxErrorKind::SyntaxError, message, Span::new(start, end));
            return Err(self.fail(err, FailureClass::TokenizerRaised, false));
        }
        let class = if e.raised {
            FailureClass::TokenizerRaised
        } else {
            FailureClass::TokenizerQuiet
        };
        let span = Span::new(e.start + self.base, e.end + self.base);
        let err = SyntaxError::new(SyntaxErrorKind::SyntaxError, e.message, span);
        Err(self.fail(err, class, e.incomplete))
    }

    /// Queues a token, first handling what a new logical line implies (INDENT/DEDENT) and
    /// bracket bookkeeping.
    fn push(&mut self, start: usize, tok: Token<'a>, end: usize) -> Result<(), Failure> {
        if self.at_line_start && self.brackets.is_empty() {
            self.at_line_start = false;
            self.indentation(start)?;
        }
        let tok = match tok {
            Token::LPar | Token::LSqb | Token::LBrace => {
                if self.brackets.len() >= MAX_BRACKET_DEPTH {
                    let err = SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        "too many nested parentheses",
                        Span::new(start, end),
                    );
                    return Err(self.fail(err, FailureClass::TokenizerRaised, false));
                }
                let byte = self.source.as_bytes()[start];
                self.brackets.push((byte, start));
                if tok == Token::LPar && self.last == Some(Token::With) && self.with_items_follow()
                {
                    Token::WithLPar
                } else {
                    tok
                }
            }
            Token::RPar | Token::RSqb | Token::RBrace => {
                let close = self.source.as_bytes()[start] as char;
                let Some((open, open_pos)) = self.brackets.pop() else {
                    let err = SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        format!("unmatched '{close}'"),
                        Span::new(start, end),
                    );
                    return Err(self.fail(err, FailureClass::TokenizerRaised, false));
                };
                let open = open as char;
                if !matches!((open, close), ('(', ')') | ('[', ']') | ('{', '}')) {
                    let open_line = self.line_of(open_pos);
                    let message = if open_line != self.line_of(start) {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}' on line {open_line}"
                        )
                    } else {
                        format!(
                            "closing parenthesis '{close}' does not match opening parenthesis '{open}'"
                        )
                    };
                    let err = SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        message,
                        Span::new(start, end),
                    );
                    return Err(self.fail(err, FailureClass::TokenizerRaised, false));
                }
                tok
            }
            _ => tok,
        };
        self.line_has_tokens = true;
        self.last = Some(tok);
        self.pending.push_back((start, tok, end));
        Ok(())
    }

    /// Is this `with (` the start of parenthesised with-items, i.e. is the matching `)`
    /// directly followed by `:`? (CPython's PEG parser tries that form first.)
    fn with_items_follow(&self) -> bool {
        let mut look = self.lex.clone();
        let mut depth = 1usize;
        while let Some(tok) = look.next() {
            match tok {
                Ok(Token::LPar | Token::LSqb | Token::LBrace) => depth += 1,
                Ok(Token::RPar | Token::RSqb | Token::RBrace) => {
                    depth -= 1;
                    if depth == 0 {
                        loop {
                            match look.next() {
                                Some(Ok(Token::LineBreak)) => continue,
                                Some(Ok(Token::Colon)) => return true,
                                _ => return false,
                            }
                        }
                    }
                }
                Ok(_) => {}
                Err(_) => return false,
            }
        }
        false
    }

    /// Measures the indentation of the line starting at `self.line_start` whose first token
    /// is at `first`, and queues INDENT/DEDENT tokens.
    fn indentation(&mut self, first: usize) -> Result<(), Failure> {
        let (mut col, mut altcol) = (0u32, 0u32);
        for b in self.source.as_bytes()[self.line_start..first].iter() {
            match b {
                b' ' => {
                    col += 1;
                    altcol += 1;
                }
                b'\t' => {
                    col = (col / 8 + 1) * 8;
                    altcol += 1;
                }
                0x0c => {
                    col = 0;
                    altcol = 0;
                }
                _ => break,
            }
        }
        let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
        if col == top {
            if altcol != alttop {
                return Err(self.tab_error(first));
            }
        } else if col > top {
            if self.indents.len() >= MAX_INDENT_LEVELS {
                let err = SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "too many levels of indentation",
                    Span::new(first, first + 1),
                );
                return Err(self.fail(err, FailureClass::TokenizerQuiet, false));
            }
            if altcol <= alttop {
                return Err(self.tab_error(first));
            }
            self.indents.push((col, altcol));
            // CPython's INDENT token ends where the line's first token starts.
            self.pending.push_back((
                first.saturating_sub(1).max(self.line_start),
                Token::Indent,
                first,
            ));
        } else {
            while self.indents.len() > 1 && col < self.indents.last().map_or(0, |i| i.0) {
                self.indents.pop();
                self.pending.push_back((first, Token::Dedent, first));
            }
            let &(top, alttop) = self.indents.last().unwrap_or(&(0, 0));
            if col != top {
                // CPython points at the end of the line; the indentation itself says more.
                let err = SyntaxError::new(
                    SyntaxErrorKind::IndentationError,
                    "unindent does not match any outer indentation level",
                    self.indentation_span(first),
                )
                .with_hint("a dedented line must line up with an enclosing block");
                return Err(self.fail(err, FailureClass::TokenizerQuiet, false));
            }
            if altcol != alttop {
                return Err(self.tab_error(first));
            }
        }
        Ok(())
    }

    /// The leading whitespace of the current line (or its first character if there is none).
    fn indentation_span(&self, first: usize) -> Span {
        if first > self.line_start {
            Span::new(self.line_start, first)
        } else {
            Span::new(first, first + 1)
        }
    }

    fn tab_error(&mut self, first: usize) -> Failure {
        let err = SyntaxError::new(
            SyntaxErrorKind::TabError,
            "inconsistent use of tabs and spaces in indentation",
            self.indentation_span(first),
        )
        .with_hint("indent with spaces only, or with tabs only, throughout the file");
        self.fail(err, FailureClass::TokenizerQuiet, false)
    }

    /// Pulls logos tokens until something is queued or the input ends.
    fn fill(&mut self) -> Result<(), Failure> {
        while self.pending.is_empty() && !self.done {
            let Some(result) = self.lex.next() else {
                self.end_of_input()?;
                continue;
            };
            let span = self.lex.span();
            let (start, end) = (span.start + self.base, span.end + self.base);
            match result {
                Err(e) => self.lex_error(e, span)?,
                Ok(Token::LineBreak) => {
                    let logical_end = self.brackets.is_empty() && self.mode == Mode::Module;
                    if logical_end && self.line_has_tokens {
                        self.pending.push_back((start, Token::Newline, end));
                        self.line_has_tokens = false;
                        self.last = Some(Token::Newline);
                    }
                    if self.brackets.is_empty() {
                        self.at_line_start = self.mode == Mode::Module;
                    }
                    self.line_start = end;
                }
                Ok(tok) => self.push(start, tok, end)?,
            }
        }
        Ok(())
    }

    fn end_of_input(&mut self) -> Result<(), Failure> {
        if let Some(&(open, pos)) = self.brackets.last() {
            if self.mode == Mode::Module {
                let line = self.line_of(pos);
                let err = SyntaxError::new(
                    SyntaxErrorKind::SyntaxError,
                    format!("'{}' was never closed", open as char),
                    Span::new(pos, pos + 1),
                )
                .with_label("this bracket is still open at the end of the input");
                return Err(self.fail(err, FailureClass::Unclosed { line }, true));
            }
        }
        let end = self.base + self.lex.source().len();
        if self.mode == Mode::Module {
            if self.line_has_tokens {
                self.pending.push_back((end, Token::Newline, end));
            }
            while self.indents.len() > 1 {
                self.indents.pop();
                self.pending.push_back((end, Token::Dedent, end));
            }
        }
        self.done = true;
        Ok(())
    }
}

impl<'a> Iterator for TokenStream<'a> {
    type Item = Result<Spanned<'a>, Failure>;

    fn next(&mut self) -> Option<Self::Item> {
        if !self.started {
            self.started = true;
            let start = match self.mode {
                Mode::Module => Token::StartModule,
                Mode::Expression => Token::StartExpression,
            };
            return Some(Ok((self.base, start, self.base)));
        }
        if let Err(e) = self.fill() {
            return Some(Err(e));
        }
        self.pending.pop_front().map(Ok)
    }
}

/// 1-based line number of a byte offset.
pub fn line_number(source: &str, pos: usize) -> usize {
    let pos = pos.min(source.len());
    source.as_bytes()[..pos]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

/// Python's `str.isprintable` for the characters that matter in source code.
fn is_printable(c: char) -> bool {
    if c == ' ' {
        return true;
    }
    if c.is_control() || c.is_whitespace() {
        return false;
    }
    !matches!(c as u32,
        0xAD | 0x600..=0x605 | 0x61C | 0x6DD | 0x70F | 0x180E | 0x200B..=0x200F
        | 0x202A..=0x202E | 0x2060..=0x206F | 0xFEFF | 0xFFF9..=0xFFFB
        | 0xE000..=0xF8FF | 0xF0000..=0x10FFFF)
}
