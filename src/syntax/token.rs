//! Python's tokens, as `logos` recognises them on one physical line at a time.
//!
//! This module knows nothing about indentation: NEWLINE/INDENT/DEDENT are variants with no
//! pattern that `indent.rs` inserts. Numbers and string literals are scanned by hand-written
//! callbacks that follow CPython 3.11's tokenizer (`Parser/tokenizer.c`) so that malformed
//! literals get CPython's exact messages; literal *values* are decoded later (`strings.rs`).

use logos::{Lexer, Logos, Skip};
use std::fmt;

/// A tokenizer error. `message` is empty for "no pattern matched" (the indentation layer turns
/// that into CPython's `invalid character` message or an error token).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LexError {
    pub message: String,
    /// Byte range to point at, relative to the text given to logos.
    pub start: usize,
    pub end: usize,
    /// CPython raises these as exceptions from the tokenizer itself, which makes them take
    /// priority over a generic `invalid syntax` found earlier (see `parser.rs`).
    pub raised: bool,
    /// The input ended in the middle of a construct: the REPL should ask for more lines.
    pub incomplete: bool,
}

impl LexError {
    fn raised(message: impl Into<String>, start: usize, end: usize) -> LexError {
        LexError {
            message: message.into(),
            start,
            end,
            raised: true,
            incomplete: false,
        }
    }
}

#[derive(Logos, Clone, Copy, Debug, PartialEq)]
#[logos(error = LexError)]
#[logos(skip r"[ \t\x0c]+")]
#[logos(skip(r"#[^\r\n]*", allow_greedy = true))]
pub enum Token<'a> {
    // ---- Layout, produced by the indentation layer only -------------------------------------
    Newline,
    Indent,
    Dedent,
    /// Synthetic first token selecting the grammar's entry point (one parse table for both).
    StartModule,
    StartExpression,
    /// A character CPython's tokenizer passes to the parser as an error token (`$`, `?`, `!`):
    /// the parser then reports `invalid syntax` at it.
    ErrorToken,

    // ---- Physical structure, consumed by the indentation layer ------------------------------
    #[regex(r"\r\n|\r|\n")]
    LineBreak,
    #[token("\\", line_continuation)]
    Continuation,

    // ---- Atoms ---------------------------------------------------------------------------------
    #[regex(r"[\p{XID_Start}_][\p{XID_Continue}]*")]
    Name(&'a str),
    /// Integer literal, raw text (validated; decoded by the parser).
    Int(&'a str),
    Float(f64),
    /// Imaginary literal (`2.5j`): the value of its imaginary part.
    Imaginary(f64),
    /// String or bytes literal, raw text including prefix and quotes (validated for
    /// termination only; decoded by the parser).
    String(&'a str),
    #[regex(r"[0-9]|\.[0-9]", number)]
    NumberStart,
    #[regex(r#"([rRuUfFbB]|[rR][bBfF]|[bBfF][rR])?["']"#, string)]
    StringStart,
    #[token("!", |_| Token::ErrorToken)]
    #[token("$", |_| Token::ErrorToken)]
    #[token("?", |_| Token::ErrorToken)]
    #[token("`", |_| Token::ErrorToken)]
    ErrorChar,

    // ---- Keywords ----------------------------------------------------------------------------
    #[token("False")]
    False,
    #[token("None")]
    None,
    #[token("True")]
    True,
    #[token("and")]
    And,
    #[token("as")]
    As,
    #[token("assert")]
    Assert,
    #[token("async")]
    Async,
    #[token("await")]
    Await,
    #[token("break")]
    Break,
    #[token("class")]
    Class,
    #[token("continue")]
    Continue,
    #[token("def")]
    Def,
    #[token("del")]
    Del,
    #[token("elif")]
    Elif,
    #[token("else")]
    Else,
    #[token("except")]
    Except,
    #[token("finally")]
    Finally,
    #[token("for")]
    For,
    #[token("from")]
    From,
    #[token("global")]
    Global,
    #[token("if")]
    If,
    #[token("import")]
    Import,
    #[token("in")]
    In,
    #[token("is")]
    Is,
    #[token("lambda")]
    Lambda,
    #[token("nonlocal")]
    Nonlocal,
    #[token("not")]
    Not,
    #[token("or")]
    Or,
    #[token("pass")]
    Pass,
    #[token("raise")]
    Raise,
    #[token("return")]
    Return,
    #[token("try")]
    Try,
    #[token("while")]
    While,
    #[token("with")]
    With,
    #[token("yield")]
    Yield,

    // ---- Operators and delimiters --------------------------------------------------------------
    #[token("(")]
    LPar,
    #[token(")")]
    RPar,
    #[token("[")]
    LSqb,
    #[token("]")]
    RSqb,
    #[token("{")]
    LBrace,
    #[token("}")]
    RBrace,
    /// `(` right after `with` whose matching `)` is followed by `:` — CPython 3.10's
    /// parenthesised with-items. Decided by the indentation layer, which can look ahead.
    WithLPar,
    #[token(",")]
    Comma,
    #[token(":")]
    Colon,
    #[token(";")]
    Semi,
    #[token(".")]
    Dot,
    #[token("...")]
    Ellipsis,
    #[token("->")]
    Arrow,
    #[token(":=")]
    ColonEqual,
    #[token("=")]
    Equal,
    #[token("+")]
    Plus,
    #[token("-")]
    Minus,
    #[token("*")]
    Star,
    #[token("/")]
    Slash,
    #[token("//")]
    DoubleSlash,
    #[token("%")]
    Percent,
    #[token("**")]
    DoubleStar,
    #[token("@")]
    At,
    #[token("<<")]
    LeftShift,
    #[token(">>")]
    RightShift,
    #[token("&")]
    Amper,
    #[token("|")]
    Vbar,
    #[token("^")]
    Circumflex,
    #[token("~")]
    Tilde,
    #[token("<")]
    Less,
    #[token(">")]
    Greater,
    #[token("<=")]
    LessEqual,
    #[token(">=")]
    GreaterEqual,
    #[token("==")]
    EqEqual,
    #[token("!=")]
    NotEqual,
    #[token("+=")]
    PlusEqual,
    #[token("-=")]
    MinusEqual,
    #[token("*=")]
    StarEqual,
    #[token("/=")]
    SlashEqual,
    #[token("//=")]
    DoubleSlashEqual,
    #[token("%=")]
    PercentEqual,
    #[token("**=")]
    DoubleStarEqual,
    #[token("@=")]
    AtEqual,
    #[token("<<=")]
    LeftShiftEqual,
    #[token(">>=")]
    RightShiftEqual,
    #[token("&=")]
    AmperEqual,
    #[token("|=")]
    VbarEqual,
    #[token("^=")]
    CircumflexEqual,
}

impl<'a> Token<'a> {
    /// The keyword's spelling, if this token is a keyword.
    pub fn keyword(&self) -> Option<&'static str> {
        use Token::*;
        Some(match self {
            False => "False",
            None => "None",
            True => "True",
            And => "and",
            As => "as",
            Assert => "assert",
            Async => "async",
            Await => "await",
            Break => "break",
            Class => "class",
            Continue => "continue",
            Def => "def",
            Del => "del",
            Elif => "elif",
            Else => "else",
            Except => "except",
            Finally => "finally",
            For => "for",
            From => "from",
            Global => "global",
            If => "if",
            Import => "import",
            In => "in",
            Is => "is",
            Lambda => "lambda",
            Nonlocal => "nonlocal",
            Not => "not",
            Or => "or",
            Pass => "pass",
            Raise => "raise",
            Return => "return",
            Try => "try",
            While => "while",
            With => "with",
            Yield => "yield",
            _ => return Option::None,
        })
    }

    /// The operator or delimiter as written, if this token is one.
    pub fn punct(&self) -> Option<&'static str> {
        use Token::*;
        Some(match self {
            LPar | WithLPar => "(",
            RPar => ")",
            LSqb => "[",
            RSqb => "]",
            LBrace => "{",
            RBrace => "}",
            Comma => ",",
            Colon => ":",
            Semi => ";",
            Dot => ".",
            Ellipsis => "...",
            Arrow => "->",
            ColonEqual => ":=",
            Equal => "=",
            Plus => "+",
            Minus => "-",
            Star => "*",
            Slash => "/",
            DoubleSlash => "//",
            Percent => "%",
            DoubleStar => "**",
            At => "@",
            LeftShift => "<<",
            RightShift => ">>",
            Amper => "&",
            Vbar => "|",
            Circumflex => "^",
            Tilde => "~",
            Less => "<",
            Greater => ">",
            LessEqual => "<=",
            GreaterEqual => ">=",
            EqEqual => "==",
            NotEqual => "!=",
            PlusEqual => "+=",
            MinusEqual => "-=",
            StarEqual => "*=",
            SlashEqual => "/=",
            DoubleSlashEqual => "//=",
            PercentEqual => "%=",
            DoubleStarEqual => "**=",
            AtEqual => "@=",
            LeftShiftEqual => "<<=",
            RightShiftEqual => ">>=",
            AmperEqual => "&=",
            VbarEqual => "|=",
            CircumflexEqual => "^=",
            _ => return Option::None,
        })
    }

    /// True for tokens that can begin an expression (used by error heuristics).
    pub fn starts_expression(&self) -> bool {
        use Token::*;
        matches!(
            self,
            Name(_)
                | Int(_)
                | Float(_)
                | Imaginary(_)
                | String(_)
                | False
                | None
                | True
                | Ellipsis
                | LPar
                | LSqb
                | LBrace
                | Minus
                | Plus
                | Tilde
                | Not
                | Await
                | Lambda
        )
    }

    /// True for tokens that can end an expression (used by error heuristics).
    pub fn ends_expression(&self) -> bool {
        use Token::*;
        matches!(
            self,
            Name(_)
                | Int(_)
                | Float(_)
                | Imaginary(_)
                | String(_)
                | False
                | None
                | True
                | Ellipsis
                | RPar
                | RSqb
                | RBrace
        )
    }
}

/// Human names, so that parse errors read well ("new indentation block", "'if'").
impl fmt::Display for Token<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(k) = self.keyword() {
            return write!(f, "'{k}'");
        }
        if let Some(p) = self.punct() {
            return write!(f, "'{p}'");
        }
        match self {
            Token::Newline => write!(f, "end of line"),
            Token::Indent => write!(f, "new indentation block"),
            Token::Dedent => write!(f, "end of indentation block"),
            Token::StartModule | Token::StartExpression => write!(f, "start of input"),
            Token::ErrorToken | Token::ErrorChar => write!(f, "invalid token"),
            Token::LineBreak => write!(f, "line break"),
            Token::Continuation => write!(f, "line continuation"),
            Token::Name(n) => write!(f, "name '{n}'"),
            Token::Int(s) => write!(f, "number {s}"),
            Token::Float(x) => write!(f, "number {x}"),
            Token::Imaginary(x) => write!(f, "number {x}j"),
            Token::NumberStart => write!(f, "number"),
            Token::String(_) | Token::StringStart => write!(f, "string literal"),
            _ => write!(f, "{self:?}"),
        }
    }
}

fn line_continuation<'a>(lex: &mut Lexer<'a, Token<'a>>) -> Result<Skip, LexError> {
    let rest = lex.remainder().as_bytes();
    let nl = match rest {
        [b'\r', b'\n', ..] => 2,
        [b'\r', ..] | [b'\n', ..] => 1,
        [] => 0,
        _ => {
            // CPython points just after the backslash.
            let at = lex.span().start + 1;
            return Err(LexError {
                message: "unexpected character after line continuation character".into(),
                start: at,
                end: at + 1,
                raised: false,
                incomplete: false,
            });
        }
    };
    lex.bump(nl);
    if lex.remainder().is_empty() {
        let at = lex.span().start + 1;
        return Err(LexError {
            message: "unexpected EOF while parsing".into(),
            start: at,
            end: at + 1,
            raised: false,
            incomplete: true,
        });
    }
    Ok(Skip)
}

/// Scans a numeric literal the way CPython's `tok_get` does, for identical error messages.
fn number<'a>(lex: &mut Lexer<'a, Token<'a>>) -> Result<Token<'a>, LexError> {
    let src = lex.source().as_bytes();
    let start = lex.span().start;
    let mut scan = NumberScan {
        src,
        start,
        cur: start,
    };
    let is_float = scan.scan()?;
    let end = scan.cur;
    lex.bump(end - lex.span().end);
    let text = &lex.source()[start..end];
    let imaginary = text.strip_suffix(['j', 'J']);
    if is_float || imaginary.is_some() {
        let digits = imaginary.unwrap_or(text);
        let parsed = if digits.contains('_') {
            digits.replace('_', "").parse()
        } else {
            digits.parse()
        };
        let value: f64 =
            parsed.map_err(|_| LexError::raised("invalid decimal literal", start, end))?;
        Ok(match imaginary {
            Some(_) => Token::Imaginary(value),
            None => Token::Float(value),
        })
    } else {
        Ok(Token::Int(text))
    }
}

struct NumberScan<'s> {
    src: &'s [u8],
    start: usize,
    cur: usize,
}

impl NumberScan<'_> {
    fn peek(&self) -> u8 {
        self.src.get(self.cur).copied().unwrap_or(0)
    }

    fn peek_at(&self, k: usize) -> u8 {
        self.src.get(self.cur + k).copied().unwrap_or(0)
    }

    /// CPython's `syntaxerror` points at the last character read (`tok->cur - 1`).
    fn error_here(&self, msg: impl Into<String>) -> LexError {
        let at = self.cur.saturating_sub(1);
        LexError::raised(msg, at, at + 1)
    }

    /// Returns whether the literal is a float. On return `cur` is just past the literal.
    fn scan(&mut self) -> Result<bool, LexError> {
        let first = self.peek();
        if first == b'.' {
            self.cur += 1;
            return self.fraction();
        }
        if first == b'0' {
            self.cur += 1;
            match self.peek() {
                b'x' | b'X' => return self.radix(16, "hexadecimal").map(|_| false),
                b'o' | b'O' => return self.radix(8, "octal").map(|_| false),
                b'b' | b'B' => return self.radix(2, "binary").map(|_| false),
                _ => {}
            }
            // Zeros (with underscores), then possibly a float or a forbidden old-style octal.
            loop {
                if self.peek() == b'_' {
                    self.cur += 1;
                    if !self.peek().is_ascii_digit() {
                        return Err(self.error_here("invalid decimal literal"));
                    }
                }
                if self.peek() != b'0' {
                    break;
                }
                self.cur += 1;
            }
            let zeros_end = self.cur;
            let mut nonzero = false;
            if self.peek().is_ascii_digit() {
                nonzero = true;
                self.decimal_tail()?;
            }
            match self.peek() {
                b'.' => {
                    self.cur += 1;
                    self.fraction()
                }
                b'e' | b'E' => self.exponent(false),
                b'j' | b'J' => self.imaginary(),
                _ if nonzero => {
                    let start = self.start;
                    Err(LexError::raised(
                        "leading zeros in decimal integer literals are not permitted; \
                         use an 0o prefix for octal integers",
                        start,
                        zeros_end,
                    ))
                }
                _ => {
                    self.verify_end("decimal")?;
                    Ok(false)
                }
            }
        } else {
            self.decimal_tail()?;
            match self.peek() {
                b'.' => {
                    self.cur += 1;
                    self.fraction()
                }
                b'e' | b'E' => self.exponent(false),
                b'j' | b'J' => self.imaginary(),
                _ => {
                    self.verify_end("decimal")?;
                    Ok(false)
                }
            }
        }
    }

    fn decimal_tail(&mut self) -> Result<(), LexError> {
        loop {
            while self.peek().is_ascii_digit() {
                self.cur += 1;
            }
            if self.peek() != b'_' {
                return Ok(());
            }
            self.cur += 1;
            if !self.peek().is_ascii_digit() {
                return Err(self.error_here("invalid decimal literal"));
            }
        }
    }

    fn radix(&mut self, radix: u32, kind: &str) -> Result<(), LexError> {
        self.cur += 1; // the x/o/b
        loop {
            if self.peek() == b'_' {
                self.cur += 1;
            }
            let c = self.peek();
            if !(c as char).is_digit(radix) {
                if radix < 10 && c.is_ascii_digit() {
                    self.cur += 1;
                    return Err(
                        self.error_here(format!("invalid digit '{}' in {kind} literal", c as char))
                    );
                }
                return Err(self.error_here(format!("invalid {kind} literal")));
            }
            while (self.peek() as char).is_digit(radix) {
                self.cur += 1;
            }
            if self.peek() != b'_' {
                break;
            }
        }
        let c = self.peek();
        if radix < 10 && c.is_ascii_digit() {
            self.cur += 1;
            return Err(self.error_here(format!("invalid digit '{}' in {kind} literal", c as char)));
        }
        self.verify_end(kind)
    }

    fn fraction(&mut self) -> Result<bool, LexError> {
        if self.peek().is_ascii_digit() {
            self.decimal_tail()?;
        }
        match self.peek() {
            b'e' | b'E' => self.exponent(true),
            b'j' | b'J' => self.imaginary(),
            _ => {
                self.verify_end("decimal")?;
                Ok(true)
            }
        }
    }

    fn exponent(&mut self, is_float: bool) -> Result<bool, LexError> {
        let e_pos = self.cur;
        self.cur += 1; // e/E
        match self.peek() {
            b'+' | b'-' => {
                self.cur += 1;
                if !self.peek().is_ascii_digit() {
                    return Err(self.error_here("invalid decimal literal"));
                }
            }
            c if !c.is_ascii_digit() => {
                // `1else`: the `e` starts a keyword, the number ends before it.
                self.cur = e_pos;
                self.verify_end("decimal")?;
                return Ok(is_float);
            }
            _ => {}
        }
        self.decimal_tail()?;
        match self.peek() {
            b'j' | b'J' => self.imaginary(),
            _ => {
                self.verify_end("decimal")?;
                Ok(true)
            }
        }
    }

    fn imaginary(&mut self) -> Result<bool, LexError> {
        self.cur += 1;
        self.verify_end("imaginary")?;
        Ok(true)
    }

    /// CPython's `verify_end_of_number`: a literal directly followed by a keyword that can
    /// legally follow a number (`1if x else y`) is accepted; any other identifier character is
    /// an `invalid ... literal`.
    fn verify_end(&mut self, kind: &str) -> Result<(), LexError> {
        let c = self.peek();
        // The keyword must be complete: `1else` is fine, `1elsewhere` is not.
        let follows = |s: &[u8]| {
            (1..=s.len()).all(|i| self.peek_at(i) == s[i - 1]) && {
                let after = self.peek_at(s.len() + 1);
                !(after == b'_' || after.is_ascii_alphanumeric() || after >= 0x80)
            }
        };
        let keyword_follows = match c {
            b'a' => follows(b"nd"),
            b'e' => follows(b"lse"),
            b'f' => follows(b"or"),
            b'i' => matches!(self.peek_at(1), b'f' | b'n' | b's'),
            b'o' => follows(b"r"),
            b'n' => follows(b"ot"),
            _ => false,
        };
        if keyword_follows {
            return Ok(());
        }
        let is_ident = c == b'_' || c.is_ascii_alphanumeric() || c >= 0x80;
        if is_ident {
            return Err(self.error_here(format!("invalid {kind} literal")));
        }
        Ok(())
    }
}

/// Scans a string literal from its prefix to its closing quote (CPython's `letter_quote`).
fn string<'a>(lex: &mut Lexer<'a, Token<'a>>) -> Result<Token<'a>, LexError> {
    let src = lex.source();
    let bytes = src.as_bytes();
    let start = lex.span().start;
    let quote = bytes[lex.span().end - 1];
    let mut cur = lex.span().end;
    let triple = bytes.get(cur) == Some(&quote) && bytes.get(cur + 1) == Some(&quote);
    if triple {
        cur += 2;
    }
    let quote_size = if triple { 3 } else { 1 };
    let mut run = 0;
    loop {
        let Some(&c) = bytes.get(cur) else {
            // End of input inside the literal.
            let line = line_of_last_char(src);
            let message = if triple {
                format!("unterminated triple-quoted string literal (detected at line {line})")
            } else {
                format!("unterminated string literal (detected at line {line})")
            };
            return Err(LexError {
                message,
                start,
                end: start + 1,
                raised: true,
                incomplete: triple,
            });
        };
        cur += 1;
        if c == quote {
            run += 1;
            if run == quote_size {
                break;
            }
            continue;
        }
        run = 0;
        if !triple && (c == b'\n' || c == b'\r') {
            let line = src[..cur - 1].bytes().filter(|&b| b == b'\n').count() + 1;
            return Err(LexError::raised(
                format!("unterminated string literal (detected at line {line})"),
                start,
                start + 1,
            ));
        }
        if c == b'\\' && cur < bytes.len() {
            // The escaped character is skipped whole (it may be a multi-byte character or \r\n).
            let next = src[cur..].chars().next().map_or(1, char::len_utf8);
            cur += next;
            if bytes[cur - 1] == b'\r' && bytes.get(cur) == Some(&b'\n') {
                cur += 1;
            }
        }
    }
    lex.bump(cur - lex.span().end);
    Ok(Token::String(&src[start..cur]))
}

/// The line number CPython reports for "detected at line N" when input ends: the line of the
/// last character (a final newline belongs to the line it ends).
fn line_of_last_char(src: &str) -> usize {
    let body = src.strip_suffix('\n').unwrap_or(src);
    body.bytes().filter(|&b| b == b'\n').count() + 1
}
