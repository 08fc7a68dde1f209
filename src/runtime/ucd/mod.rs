//! Unicode character properties and case mappings as CPython 3.11 sees them (Unicode 14.0.0):
//! the predicates behind `str.isalpha()` and friends, and the full case mappings behind
//! `upper`/`lower`/`title`/`capitalize`/`swapcase`/`casefold`, including the final-sigma rule.
//! The tables come from CPython itself (`gen_tables.py`), so they do not drift with the Unicode
//! version of the Rust standard library.

#[rustfmt::skip]
mod tables;
#[cfg(test)]
mod tests;

pub const ALPHA: u16 = 1;
pub const DECIMAL: u16 = 2;
pub const DIGIT: u16 = 4;
pub const NUMERIC: u16 = 8;
pub const SPACE: u16 = 16;
pub const LOWER: u16 = 32;
pub const UPPER: u16 = 64;
pub const TITLE: u16 = 128;
pub const CASE_IGNORABLE: u16 = 256;
pub const XID_START: u16 = 512;
pub const XID_CONTINUE: u16 = 1024;
pub const PRINTABLE: u16 = 2048;
pub const CASED: u16 = LOWER | UPPER | TITLE;

/// The property bits of `c`.
pub fn props(c: char) -> u16 {
    let c = c as u32;
    let i = tables::PROPS.partition_point(|&(start, _)| start <= c);
    // PROPS starts at 0, so `i >= 1`.
    tables::PROPS[i.saturating_sub(1)].1
}

#[inline]
pub fn has(c: char, flags: u16) -> bool {
    props(c) & flags != 0
}

pub fn is_cased(c: char) -> bool {
    has(c, CASED)
}

pub fn is_case_ignorable(c: char) -> bool {
    has(c, CASE_IGNORABLE)
}

fn lookup(table: &'static [(u32, &'static str)], c: char) -> Option<&'static str> {
    table
        .binary_search_by_key(&(c as u32), |&(k, _)| k)
        .ok()
        .map(|i| table[i].1)
}

/// The full upper-case mapping of `c`.
pub fn push_upper(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_uppercase());
    } else {
        match lookup(tables::UPPER_TABLE, c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
}

/// The full lower-case mapping of `c`, without the final-sigma rule.
pub fn push_lower(out: &mut String, c: char) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
    } else {
        match lookup(tables::LOWER_TABLE, c) {
            Some(s) => out.push_str(s),
            None => out.push(c),
        }
    }
}

/// The full title-case mapping of `c`.
pub fn push_title(out: &mut String, c: char) {
    match lookup(tables::TITLE_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => push_upper(out, c),
    }
}

/// The full case folding of `c`.
pub fn push_fold(out: &mut String, c: char) {
    match lookup(tables::FOLD_SPECIAL, c) {
        Some(s) => out.push_str(s),
        None => push_lower(out, c),
    }
}

const CAPITAL_SIGMA: char = '\u{3a3}';

/// CPython's `lower_ucs4`: the lower-case mapping of `chars[i]`, where a capital sigma that ends
/// a word (a cased letter before it, none after it, case-ignorable characters skipped) becomes
/// the final form `ς`.
fn push_lower_at(out: &mut String, chars: &[char], i: usize) {
    let c = chars[i];
    if c == CAPITAL_SIGMA {
        let before = chars[..i]
            .iter()
            .rev()
            .find(|&&x| !is_case_ignorable(x))
            .is_some_and(|&x| is_cased(x));
        let after = chars[i + 1..]
            .iter()
            .find(|&&x| !is_case_ignorable(x))
            .is_some_and(|&x| is_cased(x));
        out.push(if before && !after {
            '\u{3c2}'
        } else {
            '\u{3c3}'
        });
    } else {
        push_lower(out, c);
    }
}

pub fn upper(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_uppercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_upper(&mut out, c);
    }
    out
}

pub fn lower(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for i in 0..chars.len() {
        push_lower_at(&mut out, &chars, i);
    }
    out
}

pub fn casefold(s: &str) -> String {
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        push_fold(&mut out, c);
    }
    out
}

pub fn swapcase(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        let p = props(c);
        if p & UPPER != 0 {
            push_lower_at(&mut out, &chars, i);
        } else if p & LOWER != 0 {
            push_upper(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// `str.title()`: the first cased character of every run of cased characters is title-cased,
/// the rest lower-cased.
pub fn title(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    let mut previous_is_cased = false;
    for (i, &c) in chars.iter().enumerate() {
        if previous_is_cased {
            push_lower_at(&mut out, &chars, i);
        } else {
            push_title(&mut out, c);
        }
        previous_is_cased = is_cased(c);
    }
    out
}

/// `str.capitalize()`: the first character title-cased, the rest lower-cased.
pub fn capitalize(s: &str) -> String {
    let chars: Vec<char> = s.chars().collect();
    let mut out = String::with_capacity(s.len());
    for (i, &c) in chars.iter().enumerate() {
        if i == 0 {
            push_title(&mut out, c);
        } else {
            push_lower_at(&mut out, &chars, i);
        }
    }
    out
}

/// `str.islower()`: at least one cased character, and no upper- or title-case one.
pub fn is_lower(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let p = props(c);
        if p & (UPPER | TITLE) != 0 {
            return false;
        }
        if p & LOWER != 0 {
            cased = true;
        }
    }
    cased
}

pub fn is_upper(s: &str) -> bool {
    let mut cased = false;
    for c in s.chars() {
        let p = props(c);
        if p & (LOWER | TITLE) != 0 {
            return false;
        }
        if p & UPPER != 0 {
            cased = true;
        }
    }
    cased
}

/// `str.istitle()`: upper/title-case characters only after uncased ones, lower-case ones only
/// after cased ones, and at least one cased character.
pub fn is_title(s: &str) -> bool {
    let mut cased = false;
    let mut previous_is_cased = false;
    for c in s.chars() {
        let p = props(c);
        if p & (UPPER | TITLE) != 0 {
            if previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else if p & LOWER != 0 {
            if !previous_is_cased {
                return false;
            }
            previous_is_cased = true;
            cased = true;
        } else {
            previous_is_cased = false;
        }
    }
    cased
}

/// Non-empty and every character has one of `flags`.
pub fn all_have(s: &str, flags: u16) -> bool {
    !s.is_empty() && s.chars().all(|c| has(c, flags))
}

/// `str.isalnum()`: every character alphabetic or numeric (in the `isnumeric` sense, which
/// includes digits and decimals).
pub fn is_alnum(s: &str) -> bool {
    all_have(s, ALPHA | DECIMAL | DIGIT | NUMERIC)
}

/// `str.isidentifier()`.
pub fn is_identifier(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c == '_' || has(c, XID_START) => chars.all(|c| has(c, XID_CONTINUE)),
        _ => false,
    }
}

/// `str.isprintable()` (true for the empty string).
pub fn is_printable(s: &str) -> bool {
    s.chars().all(|c| has(c, PRINTABLE))
}

/// `str.isspace()` for one character (also what `split()` without a separator splits on).
#[inline]
pub fn is_space(c: char) -> bool {
    if c.is_ascii() {
        matches!(
            c,
            ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '\x1c'..='\x1f'
        )
    } else {
        has(c, SPACE)
    }
}

/// `str.splitlines()` line boundaries.
pub fn is_linebreak(c: char) -> bool {
    matches!(
        c,
        '\n' | '\r'
            | '\x0b'
            | '\x0c'
            | '\x1c'
            | '\x1d'
            | '\x1e'
            | '\u{85}'
            | '\u{2028}'
            | '\u{2029}'
    )
}
