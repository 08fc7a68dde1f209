//! `repr(str)` and `repr(bytes)` as CPython 3.11 writes them (`unicode_repr`, `bytes_repr` in
//! Objects/), with `str.isprintable()` from a table of Unicode 14.0 (CPython 3.11's version).

use super::unicode_tables::NOT_PRINTABLE;

/// `str.isprintable()` for one character: false for categories Cc, Cf, Cs, Co, Cn, Zl, Zp and
/// for Zs other than the ASCII space.
pub fn is_printable(c: char) -> bool {
    let c = c as u32;
    if (0x20..0x7f).contains(&c) {
        return true;
    }
    let i = NOT_PRINTABLE.partition_point(|&(start, _)| start <= c);
    match i.checked_sub(1).and_then(|i| NOT_PRINTABLE.get(i)) {
        Some(&(_, end)) => c > end,
        None => true,
    }
}

/// `repr(s)`: single quotes unless `s` contains `'` and no `"`; `\\`, `\n`, `\r`, `\t` and the
/// chosen quote escaped; other non-printable characters as `\xNN`, `\uNNNN` or `\UNNNNNNNN`;
/// printable non-ASCII kept as it is.
pub fn python_str_repr(s: &str) -> String {
    let quote = if s.contains('\'') && !s.contains('"') {
        '"'
    } else {
        '\''
    };
    let mut out = String::with_capacity(s.len() + 2);
    out.push(quote);
    for c in s.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c == quote => {
                out.push('\\');
                out.push(c);
            }
            c if (c as u32) < 0x20 || c as u32 == 0x7f => {
                out.push_str(&format!("\\x{:02x}", c as u32));
            }
            c if c.is_ascii() || is_printable(c) => out.push(c),
            c if (c as u32) <= 0xff => out.push_str(&format!("\\x{:02x}", c as u32)),
            c if (c as u32) <= 0xffff => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push_str(&format!("\\U{:08x}", c as u32)),
        }
    }
    out.push(quote);
    out
}

/// `repr(b)` for bytes: `b'...'` with the same quote rule as str; `\\`, `\n`, `\r`, `\t` and the
/// quote escaped, bytes outside `0x20..0x7f` as `\xNN`.
pub fn python_bytes_repr(b: &[u8]) -> String {
    let quote = if b.contains(&b'\'') && !b.contains(&b'"') {
        b'"'
    } else {
        b'\''
    };
    let mut out = String::with_capacity(b.len() + 3);
    out.push('b');
    out.push(quote as char);
    for &byte in b {
        match byte {
            b'\\' => out.push_str("\\\\"),
            b'\n' => out.push_str("\\n"),
            b'\r' => out.push_str("\\r"),
            b'\t' => out.push_str("\\t"),
            _ if byte == quote => {
                out.push('\\');
                out.push(byte as char);
            }
            0x20..=0x7e => out.push(byte as char),
            _ => out.push_str(&format!("\\x{byte:02x}")),
        }
    }
    out.push(quote as char);
    out
}
