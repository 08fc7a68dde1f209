//! Decoding of literal tokens into values: string/bytes escapes, integer literals, and the
//! concatenation of adjacent string literals. f-string fields are `fstring.rs`' job.
//!
//! Error messages reproduce what CPython 3.11's `unicodeescape`/bytes decoders report.

use num_bigint::BigInt;

use super::ast::{Constant, Span};
use super::error::{SyntaxError, SyntaxErrorKind};

/// What a literal's prefix says about it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Prefix {
    pub raw: bool,
    pub bytes: bool,
    pub fstring: bool,
}

/// A string token split into its prefix flags and body (without quotes).
pub struct Literal<'a> {
    pub prefix: Prefix,
    pub body: &'a str,
    /// Absolute offset of `body` in the source.
    pub body_start: usize,
}

/// Splits the raw text of a string token (as the lexer produced it) starting at `start`.
pub fn split_literal(raw: &str, start: usize) -> Literal<'_> {
    let quote_at = raw.find(['\'', '"']).unwrap_or(0);
    let mut prefix = Prefix {
        raw: false,
        bytes: false,
        fstring: false,
    };
    for c in raw[..quote_at].chars() {
        match c.to_ascii_lowercase() {
            'r' => prefix.raw = true,
            'b' => prefix.bytes = true,
            'f' => prefix.fstring = true,
            _ => {}
        }
    }
    let rest = &raw[quote_at..];
    let q = if rest.starts_with("\"\"\"") || rest.starts_with("'''") {
        3
    } else {
        1
    };
    let body_end = rest.len().saturating_sub(q).max(q);
    Literal {
        prefix,
        body: &rest[q..body_end],
        body_start: start + quote_at + q,
    }
}

fn error(message: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, message, span)
}

/// Decodes the body of a (non-f) `str` literal.
pub fn decode_str(body: &str, raw: bool, span: Span) -> Result<String, SyntaxError> {
    let mut out = String::with_capacity(body.len());
    let mut chars = body.char_indices().peekable();
    let unicode_error = |start: usize, end: usize, what: &str| {
        error(
            format!(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position {start}-{end}: {what}"
            ),
            span,
        )
    };
    while let Some((i, c)) = chars.next() {
        if c == '\r' {
            // Newlines inside literals are normalised, as CPython's tokenizer does.
            if chars.peek().map(|p| p.1) == Some('\n') {
                chars.next();
            }
            out.push('\n');
            continue;
        }
        if c != '\\' || raw {
            out.push(c);
            if c == '\\' {
                // In raw strings a backslash still protects the next character (a quote).
                if let Some(&(_, n)) = chars.peek() {
                    if n != '\r' {
                        out.push(n);
                        chars.next();
                    }
                }
            }
            continue;
        }
        let Some((_, e)) = chars.next() else {
            out.push('\\');
            break;
        };
        match e {
            '\n' => {}
            '\r' => {
                if chars.peek().map(|p| p.1) == Some('\n') {
                    chars.next();
                }
            }
            '\\' => out.push('\\'),
            '\'' => out.push('\''),
            '"' => out.push('"'),
            'a' => out.push('\x07'),
            'b' => out.push('\x08'),
            'f' => out.push('\x0c'),
            'n' => out.push('\n'),
            'r' => out.push('\r'),
            't' => out.push('\t'),
            'v' => out.push('\x0b'),
            '0'..='7' => {
                let mut value = e.to_digit(8).unwrap_or(0);
                for _ in 0..2 {
                    match chars.peek() {
                        Some(&(_, d @ '0'..='7')) => {
                            value = value * 8 + d.to_digit(8).unwrap_or(0);
                            chars.next();
                        }
                        _ => break,
                    }
                }
                out.push(char::from_u32(value).unwrap_or('\u{fffd}'));
            }
            'x' | 'u' | 'U' => {
                let (n, name) = match e {
                    'x' => (2, "truncated \\xXX escape"),
                    'u' => (4, "truncated \\uXXXX escape"),
                    _ => (8, "truncated \\UXXXXXXXX escape"),
                };
                let mut value: u32 = 0;
                let mut end = i + 1;
                for _ in 0..n {
                    match chars.peek() {
                        Some(&(j, d)) if d.is_ascii_hexdigit() => {
                            value = value * 16 + d.to_digit(16).unwrap_or(0);
                            end = j;
                            chars.next();
                        }
                        _ => {
                            let last = chars.peek().map_or(body.len(), |p| p.0);
                            return Err(unicode_error(i, last.saturating_sub(1).max(i + 1), name));
                        }
                    }
                }
                match char::from_u32(value) {
                    Some(ch) => out.push(ch),
                    // Lone surrogates are legal in Python strings but not in Rust's.
                    None if (0xD800..0xE000).contains(&value) => out.push('\u{fffd}'),
                    None => return Err(unicode_error(i, end, "illegal Unicode character")),
                }
            }
            'N' => {
                let rest = &body[i + 2..];
                let name = rest
                    .strip_prefix('{')
                    .and_then(|r| r.find('}').map(|k| &r[..k]));
                let Some(name) = name else {
                    return Err(unicode_error(i, i + 1, "malformed \\N character escape"));
                };
                let consumed = name.len() + 2;
                let end = i + 2 + consumed - 1;
                match unicode_name(name) {
                    Some(ch) => out.push(ch),
                    None => return Err(unicode_error(i, end, "unknown Unicode character name")),
                }
                while chars.peek().is_some_and(|&(j, _)| j <= end) {
                    chars.next();
                }
            }
            other => {
                // Unknown escapes are kept as written (CPython warns, we stay quiet).
                out.push('\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// Decodes the body of a bytes literal.
pub fn decode_bytes(body: &str, raw: bool, span: Span) -> Result<Vec<u8>, SyntaxError> {
    if !body.is_ascii() {
        return Err(error(
            "bytes can only contain ASCII literal characters",
            span,
        ));
    }
    let bytes = body.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let c = bytes[i];
        i += 1;
        if c == b'\r' {
            if bytes.get(i) == Some(&b'\n') {
                i += 1;
            }
            out.push(b'\n');
            continue;
        }
        if c != b'\\' || raw {
            out.push(c);
            if c == b'\\' && i < bytes.len() && bytes[i] != b'\r' {
                out.push(bytes[i]);
                i += 1;
            }
            continue;
        }
        let Some(&e) = bytes.get(i) else {
            out.push(b'\\');
            break;
        };
        i += 1;
        match e {
            b'\n' => {}
            b'\r' => {
                if bytes.get(i) == Some(&b'\n') {
                    i += 1;
                }
            }
            b'\\' => out.push(b'\\'),
            b'\'' => out.push(b'\''),
            b'"' => out.push(b'"'),
            b'a' => out.push(0x07),
            b'b' => out.push(0x08),
            b'f' => out.push(0x0c),
            b'n' => out.push(b'\n'),
            b'r' => out.push(b'\r'),
            b't' => out.push(b'\t'),
            b'v' => out.push(0x0b),
            b'0'..=b'7' => {
                let mut value = u32::from(e - b'0');
                for _ in 0..2 {
                    match bytes.get(i) {
                        Some(&d @ b'0'..=b'7') => {
                            value = value * 8 + u32::from(d - b'0');
                            i += 1;
                        }
                        _ => break,
                    }
                }
                out.push((value & 0xff) as u8);
            }
            b'x' => {
                let hex = |k: usize| bytes.get(k).and_then(|&d| (d as char).to_digit(16));
                match (hex(i), hex(i + 1)) {
                    (Some(h), Some(l)) => {
                        out.push((h * 16 + l) as u8);
                        i += 2;
                    }
                    _ => {
                        return Err(error(
                            format!("(value error) invalid \\x escape at position {}", i - 2),
                            span,
                        ))
                    }
                }
            }
            other => {
                out.push(b'\\');
                out.push(other);
            }
        }
    }
    Ok(out)
}

/// The value of an integer literal the lexer has already validated.
pub fn decode_int(text: &str, span: Span) -> Result<Constant, SyntaxError> {
    if let Ok(v) = text.parse::<i64>() {
        return Ok(Constant::Int(v));
    }
    let cleaned: String = text.chars().filter(|&c| c != '_').collect();
    let (digits, radix) = match cleaned.get(..2) {
        Some("0x" | "0X") => (&cleaned[2..], 16),
        Some("0o" | "0O") => (&cleaned[2..], 8),
        Some("0b" | "0B") => (&cleaned[2..], 2),
        _ => (cleaned.as_str(), 10),
    };
    if let Ok(v) = i64::from_str_radix(digits, radix) {
        return Ok(Constant::Int(v));
    }
    if radix == 10 && digits.len() > 4300 {
        // CPython 3.11's limit on decimal int conversion applies to literals too.
        return Err(error(
            format!(
                "Exceeds the limit (4300 digits) for integer string conversion: value has {} digits; \
                 use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for \
                 huge integer literals to avoid decimal conversion limits.",
                digits.len()
            ),
            span,
        ));
    }
    BigInt::parse_bytes(digits.as_bytes(), radix)
        .map(Constant::BigInt)
        .ok_or_else(|| error("invalid syntax", span))
}

/// A small table for `\N{...}`: the names that turn up in tutorials. Lookup is
/// case-insensitive, as in CPython.
fn unicode_name(name: &str) -> Option<char> {
    const NAMES: &[(&str, char)] = &[
        ("SPACE", ' '),
        ("NO-BREAK SPACE", '\u{a0}'),
        ("EN DASH", '\u{2013}'),
        ("EM DASH", '\u{2014}'),
        ("HORIZONTAL ELLIPSIS", '\u{2026}'),
        ("BULLET", '\u{2022}'),
        ("DEGREE SIGN", '\u{b0}'),
        ("MICRO SIGN", '\u{b5}'),
        ("MULTIPLICATION SIGN", '\u{d7}'),
        ("DIVISION SIGN", '\u{f7}'),
        ("PLUS-MINUS SIGN", '\u{b1}'),
        ("COPYRIGHT SIGN", '\u{a9}'),
        ("REGISTERED SIGN", '\u{ae}'),
        ("SECTION SIGN", '\u{a7}'),
        ("PILCROW SIGN", '\u{b6}'),
        ("EURO SIGN", '\u{20ac}'),
        ("POUND SIGN", '\u{a3}'),
        ("YEN SIGN", '\u{a5}'),
        ("CENT SIGN", '\u{a2}'),
        ("LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", '\u{ab}'),
        ("RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", '\u{bb}'),
        ("LEFT SINGLE QUOTATION MARK", '\u{2018}'),
        ("RIGHT SINGLE QUOTATION MARK", '\u{2019}'),
        ("LEFT DOUBLE QUOTATION MARK", '\u{201c}'),
        ("RIGHT DOUBLE QUOTATION MARK", '\u{201d}'),
        ("RIGHTWARDS ARROW", '\u{2192}'),
        ("LEFTWARDS ARROW", '\u{2190}'),
        ("UPWARDS ARROW", '\u{2191}'),
        ("DOWNWARDS ARROW", '\u{2193}'),
        ("CHECK MARK", '\u{2713}'),
        ("HEAVY CHECK MARK", '\u{2714}'),
        ("BALLOT X", '\u{2717}'),
        ("BLACK STAR", '\u{2605}'),
        ("WHITE STAR", '\u{2606}'),
        ("INFINITY", '\u{221e}'),
        ("GREEK SMALL LETTER ALPHA", '\u{3b1}'),
        ("GREEK SMALL LETTER BETA", '\u{3b2}'),
        ("GREEK SMALL LETTER GAMMA", '\u{3b3}'),
        ("GREEK SMALL LETTER DELTA", '\u{3b4}'),
        ("GREEK SMALL LETTER PI", '\u{3c0}'),
        ("GREEK SMALL LETTER MU", '\u{3bc}'),
        ("GREEK SMALL LETTER LAMDA", '\u{3bb}'),
        ("GREEK CAPITAL LETTER DELTA", '\u{394}'),
        ("GREEK CAPITAL LETTER SIGMA", '\u{3a3}'),
        ("GREEK CAPITAL LETTER OMEGA", '\u{3a9}'),
        ("SNOWMAN", '\u{2603}'),
        ("BLACK HEART SUIT", '\u{2665}'),
        ("HOURGLASS", '\u{231b}'),
        ("WATCH", '\u{231a}'),
        ("ALARM CLOCK", '\u{23f0}'),
        ("SPARKLES", '\u{2728}'),
        ("HIGH VOLTAGE SIGN", '\u{26a1}'),
        ("WARNING SIGN", '\u{26a0}'),
        ("ROCKET", '\u{1f680}'),
        ("SNAKE", '\u{1f40d}'),
        ("PARTY POPPER", '\u{1f389}'),
        ("THUMBS UP SIGN", '\u{1f44d}'),
        ("GRINNING FACE", '\u{1f600}'),
        ("LINE FEED", '\n'),
        ("CARRIAGE RETURN", '\r'),
        ("CHARACTER TABULATION", '\t'),
        ("NULL", '\0'),
        ("ESCAPE", '\x1b'),
        ("BOX DRAWINGS LIGHT HORIZONTAL", '\u{2500}'),
        ("BOX DRAWINGS LIGHT VERTICAL", '\u{2502}'),
        ("FULL BLOCK", '\u{2588}'),
        ("LIGHT SHADE", '\u{2591}'),
    ];
    let upper = name.to_ascii_uppercase();
    if let Some(&(_, c)) = NAMES.iter().find(|(n, _)| *n == upper) {
        return Some(c);
    }
    // Letters and digits have systematic names.
    if let Some(l) = upper.strip_prefix("LATIN CAPITAL LETTER ") {
        return single_ascii(l, b'A'..=b'Z').map(char::from);
    }
    if let Some(l) = upper.strip_prefix("LATIN SMALL LETTER ") {
        return single_ascii(l, b'A'..=b'Z').map(|b| char::from(b.to_ascii_lowercase()));
    }
    if let Some(d) = upper.strip_prefix("DIGIT ") {
        const DIGITS: [&str; 10] = [
            "ZERO", "ONE", "TWO", "THREE", "FOUR", "FIVE", "SIX", "SEVEN", "EIGHT", "NINE",
        ];
        return DIGITS
            .iter()
            .position(|n| *n == d)
            .map(|k| char::from(b'0' + k as u8));
    }
    None
}

fn single_ascii(s: &str, range: std::ops::RangeInclusive<u8>) -> Option<u8> {
    match s.as_bytes() {
        [b] if range.contains(b) => Some(*b),
        _ => None,
    }
}
