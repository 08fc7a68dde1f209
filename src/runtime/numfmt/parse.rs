//! Text to numbers and ints to text in a base: `float(str)` (Objects/floatobject.c,
//! Python/pystrtod.c), `complex(str)` (Objects/complexobject.c), `int(str, base)`
//! (`PyLong_FromString`), `str(int)` with CPython 3.11's 4300-digit limit, and
//! `hex`/`oct`/`bin`.

use num_bigint::{BigInt, Sign};
use num_traits::Zero;

use super::repr::python_str_repr;
use super::unicode_tables::DECIMAL_ZEROS;

/// `sys.get_int_max_str_digits()` default: decimal (and other non-power-of-two base) conversions
/// of ints with more digits raise `ValueError` in CPython 3.11.
pub const INT_MAX_STR_DIGITS: usize = 4300;

/// `Py_UNICODE_TODECIMAL`: the value of a Unicode decimal digit (category Nd), any script.
pub(super) fn decimal_digit_value(c: char) -> Option<u32> {
    if c.is_ascii_digit() {
        return Some(c as u32 - u32::from(b'0'));
    }
    let c = c as u32;
    let i = DECIMAL_ZEROS.partition_point(|&zero| zero <= c);
    let zero = *DECIMAL_ZEROS.get(i.checked_sub(1)?)?;
    (c - zero < 10).then_some(c - zero)
}

/// `str.isspace()` for one character.
fn is_python_space(c: char) -> bool {
    matches!(
        c,
        '\t'..='\r'
            | '\x1c'..='\x20'
            | '\u{85}'
            | '\u{a0}'
            | '\u{1680}'
            | '\u{2000}'..='\u{200a}'
            | '\u{2028}'
            | '\u{2029}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
    )
}

/// `Py_ISSPACE`: the ASCII whitespace the C parsers skip.
fn is_c_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\x0b' | b'\x0c' | b'\r')
}

/// `_PyUnicode_TransformDecimalAndSpaceToASCII`: non-ASCII whitespace becomes a space and
/// non-ASCII decimal digits their ASCII digit; `None` when any other non-ASCII character is
/// present (the parse then fails).
fn to_ascii_number_text(s: &str) -> Option<Vec<u8>> {
    s.chars()
        .map(|c| {
            if c.is_ascii() {
                Some(c as u8)
            } else if is_python_space(c) {
                Some(b' ')
            } else {
                decimal_digit_value(c).map(|d| b'0' + d as u8)
            }
        })
        .collect()
}

/// `float(s)` for a str: surrounding whitespace, one sign, `inf`/`infinity`/`nan` in any case,
/// decimal digits with single underscores between digits, any script's decimal digits; no hex.
/// Out-of-range values become `inf` or `0.0`, as in CPython.
///
/// Errors are `ValueError` messages: `could not convert string to float: 'abc'` (the input's
/// repr).
pub fn parse_float(s: &str) -> Result<f64, String> {
    let error = || format!("could not convert string to float: {}", python_str_repr(s));
    let ascii = to_ascii_number_text(s).ok_or_else(error)?;
    let mut start = 0;
    let mut end = ascii.len();
    while start < end && is_c_space(ascii[start]) {
        start += 1;
    }
    while end > start && is_c_space(ascii[end - 1]) {
        end -= 1;
    }
    let text = remove_underscores(&ascii[start..end]).ok_or_else(error)?;
    parse_float_body(&text).ok_or_else(error)
}

/// `complex(s)` for a str, as CPython's `complex_subtype_from_string`: optional surrounding
/// whitespace and one pair of parentheses around `<float>`, `<float>j`, `<float><signed-float>j`,
/// or the short forms `<float><sign>j`, `<sign>j` and `j`, where `<float>` is what `float()`
/// accepts (`inf`, `nan`, exponents) without surrounding whitespace. Returns `(real, imag)`.
///
/// Errors are `ValueError` messages: `complex() arg is a malformed string`, and for misplaced
/// underscores `could not convert string to complex: '1__0'` (the input's repr).
pub fn parse_complex(s: &str) -> Result<(f64, f64), String> {
    // `_PyUnicode_TransformDecimalAndSpaceToASCII`: other non-ASCII characters become `?`, which
    // then fails to parse.
    let ascii: Vec<u8> = s
        .chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else if is_python_space(c) {
                b' '
            } else {
                decimal_digit_value(c).map_or(b'?', |d| b'0' + d as u8)
            }
        })
        .collect();
    let text = if ascii.contains(&b'_') {
        let error = || {
            format!(
                "could not convert string to complex: {}",
                python_str_repr(s)
            )
        };
        if ascii.contains(&0) {
            return Err(error());
        }
        remove_underscores(&ascii).ok_or_else(error)?
    } else {
        ascii
    };
    parse_complex_body(&text).ok_or_else(|| "complex() arg is a malformed string".to_string())
}

/// `complex_from_string_inner`: the whole of `text` must be consumed.
fn parse_complex_body(text: &[u8]) -> Option<(f64, f64)> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let skip_spaces = |mut i: usize| {
        while is_c_space(at(i)) {
            i += 1;
        }
        i
    };
    let mut i = skip_spaces(0);
    let bracket = at(i) == b'(';
    if bracket {
        i = skip_spaces(i + 1);
    }
    let (mut re, mut im) = (0.0, 0.0);
    let is_j = |b: u8| b == b'j' || b == b'J';
    let unit = |b: u8| if b == b'+' { 1.0 } else { -1.0 };
    match float_prefix(&text[i..]) {
        Some((z, len)) => {
            i += len;
            match at(i) {
                b'+' | b'-' => {
                    re = z;
                    match float_prefix(&text[i..]) {
                        Some((y, len)) => {
                            im = y;
                            i += len;
                        }
                        None => {
                            im = unit(at(i));
                            i += 1;
                        }
                    }
                    if !is_j(at(i)) {
                        return None;
                    }
                    i += 1;
                }
                b if is_j(b) => {
                    im = z;
                    i += 1;
                }
                _ => re = z,
            }
        }
        None => {
            im = 1.0;
            if matches!(at(i), b'+' | b'-') {
                im = unit(at(i));
                i += 1;
            }
            if !is_j(at(i)) {
                return None;
            }
            i += 1;
        }
    }
    i = skip_spaces(i);
    if bracket {
        if at(i) != b')' {
            return None;
        }
        i = skip_spaces(i + 1);
    }
    (i == text.len()).then_some((re, im))
}

/// The longest prefix of `text` that `_PyOS_ascii_strtod` reads as a float (a sign, digits with
/// an optional point, an optional exponent; or `inf`, `infinity`, `nan` in any case), and its
/// length. `None` when there is none.
fn float_prefix(text: &[u8]) -> Option<(f64, usize)> {
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let sign_len = usize::from(matches!(at(0), b'+' | b'-'));
    let negative = at(0) == b'-';
    let digits_from = |i: usize| {
        text[i.min(text.len())..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut pos = sign_len;
    let int_len = digits_from(pos);
    pos += int_len;
    let mut frac_len = 0;
    if at(pos) == b'.' {
        frac_len = digits_from(pos + 1);
        if int_len + frac_len > 0 {
            pos += 1 + frac_len;
        }
    }
    if int_len + frac_len == 0 {
        // `_Py_parse_inf_or_nan`.
        let rest = text[sign_len..].to_ascii_lowercase();
        let (value, len) = if rest.starts_with(b"infinity") {
            (f64::INFINITY, 8)
        } else if rest.starts_with(b"inf") {
            (f64::INFINITY, 3)
        } else if rest.starts_with(b"nan") {
            (f64::NAN, 3)
        } else {
            return None;
        };
        return Some((if negative { -value } else { value }, sign_len + len));
    }
    if matches!(at(pos), b'e' | b'E') {
        let exp_sign = usize::from(matches!(at(pos + 1), b'+' | b'-'));
        let exp_len = digits_from(pos + 1 + exp_sign);
        if exp_len > 0 {
            pos += 1 + exp_sign + exp_len;
        }
    }
    let value: f64 = std::str::from_utf8(&text[..pos]).ok()?.parse().ok()?;
    Some((value, pos))
}

/// `_Py_string_to_number_with_underscores`: underscores only between two digits.
fn remove_underscores(text: &[u8]) -> Option<Vec<u8>> {
    let mut out = Vec::with_capacity(text.len());
    let mut prev = 0u8;
    for &b in text {
        if b == b'_' {
            if !prev.is_ascii_digit() {
                return None;
            }
        } else {
            if prev == b'_' && !b.is_ascii_digit() {
                return None;
            }
            out.push(b);
        }
        prev = b;
    }
    (prev != b'_').then_some(out)
}

/// The grammar `_PyOS_ascii_strtod` accepts, all of `text` consumed.
fn parse_float_body(text: &[u8]) -> Option<f64> {
    let (negative, rest) = match text.first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let lower = rest.to_ascii_lowercase();
    let special = match lower.as_slice() {
        b"inf" | b"infinity" => Some(f64::INFINITY),
        b"nan" => Some(f64::NAN),
        _ => None,
    };
    if let Some(value) = special {
        return Some(if negative { -value } else { value });
    }
    let int_len = rest.iter().take_while(|b| b.is_ascii_digit()).count();
    let mut pos = int_len;
    let mut frac_len = 0;
    if rest.get(pos) == Some(&b'.') {
        pos += 1;
        frac_len = rest[pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        pos += frac_len;
    }
    if int_len + frac_len == 0 {
        return None;
    }
    if matches!(rest.get(pos), Some(b'e' | b'E')) {
        pos += 1;
        if matches!(rest.get(pos), Some(b'+' | b'-')) {
            pos += 1;
        }
        let exp_len = rest[pos..]
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count();
        if exp_len == 0 {
            return None;
        }
        pos += exp_len;
    }
    if pos != rest.len() {
        return None;
    }
    // What remains is in the grammar of Rust's correctly rounded parser.
    let value: f64 = std::str::from_utf8(rest).ok()?.parse().ok()?;
    Some(if negative { -value } else { value })
}

/// `int(s, base)` for a str, base 0 or 2..=36: whitespace, one sign, a `0x`/`0o`/`0b` prefix
/// (required to pick the base when `base == 0`, optional when it matches `base`) that may be
/// followed by one underscore, single underscores between digits, any script's decimal digits.
/// With base 0 a nonzero number may not start with `0` (`'010'`).
///
/// Errors are `ValueError` messages: `invalid literal for int() with base 10: 'x'` (repr cut to
/// 200 characters, as `%.200R`), `int() base must be >= 2 and <= 36, or 0`, and the 4300-digit
/// limit `Exceeds the limit (4300 digits) for integer string conversion: value has 5000 digits;
/// use sys.set_int_max_str_digits() to increase the limit`.
pub fn parse_int(s: &str, base: u32) -> Result<BigInt, String> {
    if base == 1 || base > 36 {
        return Err("int() base must be >= 2 and <= 36, or 0".to_string());
    }
    let error = || {
        let repr = python_str_repr(s);
        let cut = repr
            .char_indices()
            .nth(200)
            .map_or(&repr[..], |(i, _)| &repr[..i]);
        format!("invalid literal for int() with base {base}: {cut}")
    };
    let text = to_ascii_number_text(s).ok_or_else(error)?;
    let at = |i: usize| text.get(i).copied().unwrap_or(0);
    let mut pos = 0;
    while is_c_space(at(pos)) {
        pos += 1;
    }
    let mut negative = false;
    match at(pos) {
        b'+' => pos += 1,
        b'-' => {
            negative = true;
            pos += 1;
        }
        _ => {}
    }
    let mut radix = base;
    let mut must_be_zero = false;
    if radix == 0 {
        radix = match (at(pos), at(pos + 1).to_ascii_lowercase()) {
            (b'0', b'x') => 16,
            (b'0', b'o') => 8,
            (b'0', b'b') => 2,
            (b'0', _) => {
                // An old C-style octal literal: only a zero is still accepted.
                must_be_zero = true;
                10
            }
            _ => 10,
        };
    }
    let marker = at(pos + 1).to_ascii_lowercase();
    if at(pos) == b'0' && matches!((radix, marker), (16, b'x') | (8, b'o') | (2, b'b')) {
        pos += 2;
        if at(pos) == b'_' {
            pos += 1;
        }
    }
    if at(pos) == b'_' {
        return Err(error());
    }
    let digit_value = |b: u8| (b as char).to_digit(36).filter(|&d| d < radix);
    let mut digits: Vec<u8> = Vec::new();
    let mut prev = 0u8;
    while digit_value(at(pos)).is_some() || at(pos) == b'_' {
        let b = at(pos);
        if b == b'_' {
            if prev == b'_' {
                return Err(error());
            }
        } else {
            digits.push(b);
        }
        prev = b;
        pos += 1;
    }
    if prev == b'_' {
        return Err(error());
    }
    if !radix.is_power_of_two() && digits.len() > INT_MAX_STR_DIGITS {
        return Err(format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion: \
             value has {} digits; use sys.set_int_max_str_digits() to increase the limit",
            digits.len()
        ));
    }
    if digits.is_empty() {
        return Err(error());
    }
    while is_c_space(at(pos)) {
        pos += 1;
    }
    if pos != text.len() {
        return Err(error());
    }
    let magnitude = BigInt::parse_bytes(&digits, radix).ok_or_else(error)?;
    if must_be_zero && !magnitude.is_zero() {
        return Err(error());
    }
    Ok(if negative { -magnitude } else { magnitude })
}

/// `str(v)` for an int, with CPython 3.11's limit on decimal conversions.
///
/// Errors are `ValueError` messages: `Exceeds the limit (4300 digits) for integer string
/// conversion; use sys.set_int_max_str_digits() to increase the limit`.
pub fn int_to_decimal(v: &BigInt) -> Result<String, String> {
    let too_long = || {
        format!(
            "Exceeds the limit ({INT_MAX_STR_DIGITS} digits) for integer string conversion; \
             use sys.set_int_max_str_digits() to increase the limit"
        )
    };
    // 2**14300 > 10**4304: a longer int certainly has too many digits, so skip converting it.
    if v.bits() > 14300 {
        return Err(too_long());
    }
    let text = v.to_str_radix(10);
    let digits = text.len() - usize::from(v.sign() == Sign::Minus);
    if digits > INT_MAX_STR_DIGITS {
        return Err(too_long());
    }
    Ok(text)
}

/// `v` in `base` (2..=36) with lower-case digits and, when `prefix`, the Python prefix for bases
/// 2, 8 and 16 after the sign: `int_to_base(-31, 16, true) == "-0x1f"` (`hex`, `oct`, `bin`).
pub fn int_to_base(v: &BigInt, base: u32, prefix: bool) -> String {
    let base = base.clamp(2, 36);
    let mut out = String::new();
    if v.sign() == Sign::Minus {
        out.push('-');
    }
    if prefix {
        out.push_str(match base {
            2 => "0b",
            8 => "0o",
            16 => "0x",
            _ => "",
        });
    }
    out.push_str(&v.magnitude().to_str_radix(base));
    out
}
