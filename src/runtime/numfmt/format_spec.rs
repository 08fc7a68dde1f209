//! The format-spec mini-language (`format(value, spec)`, f-string `{x:spec}`, `str.format`) for
//! `int`, `float`, `complex` and `str`, ported from CPython 3.11's Python/formatter_unicode.c:
//! the same parse, the same checks in the same order, the same error messages, the same padding
//! and grouping. Locale-dependent `n` behaves as in the C locale (no grouping), which is what a
//! program gets unless it calls `locale.setlocale`.

use num_bigint::{BigInt, Sign};
use num_traits::ToPrimitive;

use super::float_text::{double_to_string, int_to_float, DtoaFlags};
use super::parse::{decimal_digit_value, int_to_decimal};
use super::PyExc;

/// The kind of object a spec is parsed for; it picks CPython's defaults (`str`: type `s`, align
/// `<`; `int`: type `d`, align `>`; `float`: no type, align `>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpecKind {
    Str,
    Int,
    Float,
}

/// The thousands separator requested by `,` or `_`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Grouping {
    None,
    /// `,` every three digits.
    Comma,
    /// `_` every three digits (decimal types).
    Underscore,
    /// `_` every four digits (`b`, `o`, `x`, `X`).
    UnderscoreFour,
}

/// A parsed `[[fill]align][sign][z][#][0][width][grouping][.precision][type]`, with the defaults
/// of its [`SpecKind`] already applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormatSpec {
    pub fill: char,
    /// One of `< > = ^`.
    pub align: char,
    /// `+`, `-` or ` ` when given.
    pub sign: Option<char>,
    /// The `z` option (3.11): negative zero is shown as zero.
    pub no_neg_0: bool,
    /// The `#` option.
    pub alternate: bool,
    pub width: Option<usize>,
    pub grouping: Grouping,
    pub precision: Option<usize>,
    /// The presentation type; `None` only for floats without one.
    pub ty: Option<char>,
    /// The Python type name used in error messages (`int`, `bool`, `float`, `str`, ...).
    pub type_name: String,
}

/// Parses `spec` for an object of Python type `type_name`, as CPython's
/// `parse_internal_render_format_spec`. An empty spec gives the defaults, which format exactly
/// as `str(value)` (except for `bool`, whose `format(True, '')` is `'True'`: the caller's case).
///
/// Errors are `ValueError` messages, e.g. `Invalid format specifier 'abc' for object of type
/// 'int'`, `Cannot specify ',' with 'b'.`, `Format specifier missing precision`.
pub fn parse_format_spec(
    spec: &str,
    kind: SpecKind,
    type_name: &str,
) -> Result<FormatSpec, String> {
    let chars: Vec<char> = spec.chars().collect();
    let end = chars.len();
    let (default_type, default_align) = match kind {
        SpecKind::Str => (Some('s'), '<'),
        SpecKind::Int => (Some('d'), '>'),
        SpecKind::Float => (None, '>'),
    };
    let is_align = |c: char| matches!(c, '<' | '>' | '=' | '^');
    let mut out = FormatSpec {
        fill: ' ',
        align: default_align,
        sign: None,
        no_neg_0: false,
        alternate: false,
        width: None,
        grouping: Grouping::None,
        precision: None,
        ty: default_type,
        type_name: type_name.to_string(),
    };
    let mut pos = 0;
    let mut fill_specified = false;
    let mut align_specified = false;
    if end >= 2 && is_align(chars[1]) {
        out.align = chars[1];
        out.fill = chars[0];
        fill_specified = true;
        align_specified = true;
        pos = 2;
    } else if end >= 1 && is_align(chars[0]) {
        out.align = chars[0];
        align_specified = true;
        pos = 1;
    }
    if pos < end && matches!(chars[pos], ' ' | '+' | '-') {
        out.sign = Some(chars[pos]);
        pos += 1;
    }
    if pos < end && chars[pos] == 'z' {
        out.no_neg_0 = true;
        pos += 1;
    }
    if pos < end && chars[pos] == '#' {
        out.alternate = true;
        pos += 1;
    }
    // A leading '0' means fill with zeros; for numbers it also implies '=' alignment (since 3.10
    // strings keep their default '<').
    if !fill_specified && pos < end && chars[pos] == '0' {
        out.fill = '0';
        if !align_specified && default_align == '>' {
            out.align = '=';
        }
        pos += 1;
    }
    out.width = read_integer(&chars, &mut pos)?;
    if pos < end && chars[pos] == ',' {
        out.grouping = Grouping::Comma;
        pos += 1;
    }
    if pos < end && chars[pos] == '_' {
        if out.grouping != Grouping::None {
            return Err(BOTH_SEPARATORS.to_string());
        }
        out.grouping = Grouping::Underscore;
        pos += 1;
    }
    if pos < end && chars[pos] == ',' && out.grouping == Grouping::Underscore {
        return Err(BOTH_SEPARATORS.to_string());
    }
    if pos < end && chars[pos] == '.' {
        pos += 1;
        out.precision = read_integer(&chars, &mut pos)?;
        if out.precision.is_none() {
            return Err("Format specifier missing precision".to_string());
        }
    }
    if end - pos > 1 {
        return Err(format!(
            "Invalid format specifier '{spec}' for object of type '{}'",
            truncate_chars(type_name, 200)
        ));
    }
    if end - pos == 1 {
        out.ty = Some(chars[pos]);
    }
    if out.grouping != Grouping::None {
        match out.ty {
            None | Some('d' | 'e' | 'f' | 'g' | 'E' | 'G' | '%' | 'F') => {}
            Some('b' | 'o' | 'x' | 'X') if out.grouping == Grouping::Underscore => {
                out.grouping = Grouping::UnderscoreFour;
            }
            Some(ty) => {
                let separator = if out.grouping == Grouping::Comma {
                    ','
                } else {
                    '_'
                };
                return Err(format!(
                    "Cannot specify '{separator}' with {}.",
                    quote_code(ty)
                ));
            }
        }
    }
    Ok(out)
}

const BOTH_SEPARATORS: &str = "Cannot specify both ',' and '_'.";

/// `get_integer`: a run of (Unicode) decimal digits, `None` when there is none.
fn read_integer(chars: &[char], pos: &mut usize) -> Result<Option<usize>, String> {
    let mut value: i64 = 0;
    let start = *pos;
    while let Some(d) = chars.get(*pos).and_then(|&c| decimal_digit_value(c)) {
        value = value
            .checked_mul(10)
            .and_then(|v| v.checked_add(i64::from(d)))
            .ok_or_else(|| "Too many decimal digits in format string".to_string())?;
        *pos += 1;
    }
    Ok((*pos > start).then_some(value as usize))
}

/// How CPython's messages show a presentation type: `'x'` when printable ASCII, else `'\x..'`.
fn quote_code(ty: char) -> String {
    let code = ty as u32;
    if code > 32 && code < 128 {
        format!("'{ty}'")
    } else {
        format!("'\\x{code:x}'")
    }
}

fn unknown_code(ty: char, type_name: &str) -> String {
    format!(
        "Unknown format code {} for object of type '{}'",
        quote_code(ty),
        truncate_chars(type_name, 200)
    )
}

fn truncate_chars(s: &str, n: usize) -> &str {
    s.char_indices().nth(n).map_or(s, |(i, _)| &s[..i])
}

/// `format(s, spec)` for a str: type `s` only, precision truncates, width pads (counting code
/// points).
///
/// Errors are `ValueError` messages: `Unknown format code 'd' for object of type 'str'`,
/// `Sign not allowed in string format specifier` (`Space not allowed ...` for ` `),
/// `Negative zero coercion (z) not allowed in string format specifier`, `Alternate form (#) not
/// allowed in string format specifier`, `'=' alignment not allowed in string format specifier`.
pub fn format_str(s: &str, spec: &FormatSpec) -> Result<String, String> {
    if spec.ty != Some('s') {
        return Err(unknown_code(spec.ty.unwrap_or('\0'), &spec.type_name));
    }
    match spec.sign {
        Some(' ') => return Err("Space not allowed in string format specifier".to_string()),
        Some(_) => return Err("Sign not allowed in string format specifier".to_string()),
        None => {}
    }
    if spec.no_neg_0 {
        return Err(
            "Negative zero coercion (z) not allowed in string format specifier".to_string(),
        );
    }
    if spec.alternate {
        return Err("Alternate form (#) not allowed in string format specifier".to_string());
    }
    if spec.align == '=' {
        return Err("'=' alignment not allowed in string format specifier".to_string());
    }
    let text = match spec.precision {
        Some(p) => truncate_chars(s, p),
        None => s,
    };
    let len = text.chars().count();
    let total = spec.width.unwrap_or(0).max(len);
    let left = match spec.align {
        '>' => total - len,
        '^' => (total - len) / 2,
        _ => 0,
    };
    let mut out = String::with_capacity(text.len() + total - len);
    push_fill(&mut out, spec.fill, left);
    out.push_str(text);
    push_fill(&mut out, spec.fill, total - len - left);
    Ok(out)
}

fn push_fill(out: &mut String, fill: char, n: usize) {
    out.extend(std::iter::repeat_n(fill, n));
}

/// `format(v, spec)` for an int (types `b c d o x X n`, and `e E f F g G %` through
/// `float(v)`).
///
/// Errors: `ValueError` (`Unknown format code 's' for object of type 'int'`, `Precision not
/// allowed in integer format specifier`, `Negative zero coercion (z) not allowed in integer
/// format specifier`, `Sign not allowed with integer format specifier 'c'`, `Alternate form (#)
/// not allowed with integer format specifier 'c'`, the 4300-digit limit of decimal conversion);
/// `OverflowError` (`%c arg not in range(0x110000)`, `Python int too large to convert to C
/// long`, `int too large to convert to float`).
pub fn format_int(v: &BigInt, spec: &FormatSpec) -> Result<String, PyExc> {
    match spec.ty {
        Some('b' | 'c' | 'd' | 'o' | 'x' | 'X' | 'n') => format_long(v, spec),
        Some('e' | 'E' | 'f' | 'F' | 'g' | 'G' | '%') => {
            let x = int_to_float(v)?;
            format_float(x, spec).map_err(PyExc::ValueError)
        }
        other => Err(PyExc::ValueError(unknown_code(
            other.unwrap_or('\0'),
            &spec.type_name,
        ))),
    }
}

fn format_long(v: &BigInt, spec: &FormatSpec) -> Result<String, PyExc> {
    let value_error = |m: &str| Err(PyExc::ValueError(m.to_string()));
    if spec.precision.is_some() {
        return value_error("Precision not allowed in integer format specifier");
    }
    if spec.no_neg_0 {
        return value_error("Negative zero coercion (z) not allowed in integer format specifier");
    }
    let ty = spec.ty.unwrap_or('d');
    if ty == 'c' {
        if spec.sign.is_some() {
            return value_error("Sign not allowed with integer format specifier 'c'");
        }
        if spec.alternate {
            return value_error("Alternate form (#) not allowed with integer format specifier 'c'");
        }
        let code = v.to_i64().ok_or_else(|| {
            PyExc::OverflowError("Python int too large to convert to C long".to_string())
        })?;
        let ch = u32::try_from(code)
            .ok()
            .filter(|&c| c <= 0x10ffff)
            .ok_or_else(|| PyExc::OverflowError("%c arg not in range(0x110000)".to_string()))?;
        // A lone surrogate cannot live in a Rust string; U+FFFD stands in for it.
        let ch = char::from_u32(ch).unwrap_or('\u{fffd}');
        return Ok(layout_number(
            spec,
            false,
            "",
            "",
            &ch.to_string(),
            (None, 0),
        ));
    }
    let (base, prefix) = match ty {
        'b' => (2, "0b"),
        'o' => (8, "0o"),
        'x' => (16, "0x"),
        'X' => (16, "0X"),
        _ => (10, ""),
    };
    let digits = if base == 10 {
        int_to_decimal(&BigInt::from_biguint(Sign::Plus, v.magnitude().clone()))
            .map_err(PyExc::ValueError)?
    } else {
        let text = v.magnitude().to_str_radix(base);
        if ty == 'X' {
            text.to_ascii_uppercase()
        } else {
            text
        }
    };
    let prefix = if spec.alternate { prefix } else { "" };
    let grouping = match (ty, spec.grouping) {
        ('n', _) | (_, Grouping::None) => (None, 0),
        (_, Grouping::Comma) => (Some(','), 3),
        (_, Grouping::Underscore) => (Some('_'), 3),
        (_, Grouping::UnderscoreFour) => (Some('_'), 4),
    };
    let negative = v.sign() == Sign::Minus;
    Ok(layout_number(spec, negative, prefix, &digits, "", grouping))
}

/// `format(x, spec)` for a float (types `e E f F g G n %` and none). Without a type and without
/// a precision it is `repr(x)`; with a precision it is `g` that keeps at least one digit after
/// the point. `F`, `E`, `G` spell `INF`, `NAN`.
///
/// Errors are `ValueError` messages: `Unknown format code 'd' for object of type 'float'`,
/// `precision too big`.
pub fn format_float(x: f64, spec: &FormatSpec) -> Result<String, String> {
    let ty = match spec.ty {
        None => None,
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n' | '%')) => Some(t),
        Some(other) => return Err(unknown_code(other, &spec.type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_string());
    }
    let mut flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut code = ty.unwrap_or('r');
    let mut default_precision = 6;
    if ty.is_none() {
        flags.add_dot_0 = true;
        default_precision = 0;
    }
    if code == 'n' {
        code = 'g';
    }
    let mut x = x;
    let percent = code == '%';
    if percent {
        code = 'f';
        x *= 100.0;
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let mut text = double_to_string(x, code, precision, flags);
    if percent {
        text.push('%');
    }
    let negative = text.starts_with('-');
    let body = if negative { &text[1..] } else { &text[..] };
    let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
    let (digits, tail) = body.split_at(int_len);
    let grouping = match (ty, spec.grouping) {
        (Some('n'), _) | (_, Grouping::None) => (None, 0),
        (_, Grouping::Comma) => (Some(','), 3),
        (_, Grouping::Underscore | Grouping::UnderscoreFour) => (Some('_'), 3),
    };
    Ok(layout_number(spec, negative, "", digits, tail, grouping))
}

/// `format(z, spec)` for a complex, as CPython's `format_complex_internal` (types `e E f F g G n`
/// and none). Each part is formatted like a float (same digits, sign, grouping) and the whole
/// `re+imj` is then padded; the imaginary part always shows its sign unless the real part is left
/// out. Without a type it is `str(z)`-like: no `.0`, parentheses, and no real part when that is
/// `+0.0`; a precision then means `g`.
///
/// Errors are `ValueError` messages: `Unknown format code 'd' for object of type 'complex'`,
/// `Zero padding is not allowed in complex format specifier`, `'=' alignment flag is not allowed
/// in complex format specifier`, `precision too big`.
pub fn format_complex(re: f64, im: f64, spec: &FormatSpec) -> Result<String, String> {
    let ty = match spec.ty {
        None => None,
        Some(t @ ('e' | 'E' | 'f' | 'F' | 'g' | 'G' | 'n')) => Some(t),
        Some(other) => return Err(unknown_code(other, &spec.type_name)),
    };
    if spec.precision.is_some_and(|p| p > i32::MAX as usize) {
        return Err("precision too big".to_string());
    }
    if spec.fill == '0' {
        return Err("Zero padding is not allowed in complex format specifier".to_string());
    }
    if spec.align == '=' {
        return Err("'=' alignment flag is not allowed in complex format specifier".to_string());
    }
    let flags = DtoaFlags {
        alt: spec.alternate,
        no_neg_0: spec.no_neg_0,
        ..DtoaFlags::default()
    };
    let mut code = ty.unwrap_or('r');
    let mut default_precision = 6;
    let mut skip_re = false;
    let mut parens = false;
    if ty.is_none() {
        default_precision = 0;
        if re == 0.0 && re.is_sign_positive() {
            skip_re = true;
        } else {
            parens = true;
        }
    }
    if code == 'n' {
        code = 'g';
    }
    let precision = match spec.precision {
        Some(p) => {
            if code == 'r' {
                code = 'g';
            }
            p
        }
        None => default_precision,
    };
    let grouping = match (ty, spec.grouping) {
        (Some('n'), _) | (_, Grouping::None) => (None, 0),
        (_, Grouping::Comma) => (Some(','), 3),
        (_, Grouping::Underscore | Grouping::UnderscoreFour) => (Some('_'), 3),
    };
    // Each part is laid out unpadded; the padding goes around the whole number.
    let part = |x: f64, sign: Option<char>| {
        let text = double_to_string(x, code, precision, flags);
        let negative = text.starts_with('-');
        let body = if negative { &text[1..] } else { &text[..] };
        let int_len = body.bytes().take_while(u8::is_ascii_digit).count();
        let (digits, tail) = body.split_at(int_len);
        let part_spec = FormatSpec {
            fill: ' ',
            align: '<',
            sign,
            width: None,
            ..spec.clone()
        };
        layout_number(&part_spec, negative, "", digits, tail, grouping)
    };
    let mut body = String::new();
    if parens {
        body.push('(');
    }
    if skip_re {
        body.push_str(&part(im, spec.sign));
    } else {
        body.push_str(&part(re, spec.sign));
        body.push_str(&part(im, Some('+')));
    }
    body.push('j');
    if parens {
        body.push(')');
    }
    let len = body.chars().count();
    let total = spec.width.unwrap_or(0).max(len);
    let left = match spec.align {
        '<' => 0,
        '^' => (total - len) / 2,
        _ => total - len,
    };
    let mut out = String::with_capacity(body.len() + total - len);
    push_fill(&mut out, spec.fill, left);
    out.push_str(&body);
    push_fill(&mut out, spec.fill, total - len - left);
    Ok(out)
}

/// `calc_number_widths` + `fill_number`: sign, prefix, zero padding inside the grouping, the
/// digits grouped, then the tail (decimal point, fraction, exponent, `%`, or the `c` character),
/// all padded to the width.
fn layout_number(
    spec: &FormatSpec,
    negative: bool,
    prefix: &str,
    digits: &str,
    tail: &str,
    grouping: (Option<char>, usize),
) -> String {
    let sign = match spec.sign {
        Some('+') => Some(if negative { '-' } else { '+' }),
        Some(' ') => Some(if negative { '-' } else { ' ' }),
        _ => negative.then_some('-'),
    };
    let width = spec.width.map_or(-1, |w| w as i64);
    let n_other = sign.map_or(0, |_| 1) + prefix.len() as i64 + tail.chars().count() as i64;
    let min_width = if spec.fill == '0' && spec.align == '=' {
        width - n_other
    } else {
        0
    };
    let grouped = if digits.is_empty() {
        String::new()
    } else {
        group_digits(digits, min_width, grouping)
    };
    let padding = (width - n_other - grouped.chars().count() as i64).max(0) as usize;
    let (left, inner, right) = match spec.align {
        '<' => (0, 0, padding),
        '^' => (padding / 2, 0, padding - padding / 2),
        '=' => (0, padding, 0),
        _ => (padding, 0, 0),
    };
    let mut out = String::new();
    push_fill(&mut out, spec.fill, left);
    out.extend(sign);
    out.push_str(prefix);
    push_fill(&mut out, spec.fill, inner);
    out.push_str(&grouped);
    out.push_str(tail);
    push_fill(&mut out, spec.fill, right);
    out
}

/// `_PyUnicode_InsertThousandsGrouping`: groups `digits` (ASCII) from the right, padding with
/// zeros (which are grouped too) up to `min_width` characters.
fn group_digits(digits: &str, min_width: i64, grouping: (Option<char>, usize)) -> String {
    let digits = digits.as_bytes();
    let mut min_width = min_width.max(0);
    let mut remaining = digits.len() as i64;
    let mut reversed: Vec<u8> = Vec::with_capacity(digits.len() + 8);
    let emit = |reversed: &mut Vec<u8>, separator: Option<char>, len: i64, remaining: i64| {
        let n_zeros = (len - remaining).max(0);
        let n_chars = remaining.min(len).max(0);
        if let Some(sep) = separator {
            reversed.push(sep as u8);
        }
        let end = remaining as usize;
        reversed.extend(digits[end - n_chars as usize..end].iter().rev());
        reversed.extend(std::iter::repeat_n(b'0', n_zeros as usize));
        n_chars
    };
    match grouping {
        (Some(sep), group) if group > 0 => {
            let mut separator = None;
            loop {
                let len = (group as i64).min(remaining.max(min_width).max(1));
                remaining -= emit(&mut reversed, separator, len, remaining);
                separator = Some(sep);
                min_width -= len;
                if remaining <= 0 && min_width <= 0 {
                    break;
                }
                min_width -= 1;
            }
        }
        _ => {
            let len = remaining.max(min_width).max(1);
            emit(&mut reversed, None, len, remaining);
        }
    }
    reversed.reverse();
    String::from_utf8(reversed).unwrap_or_default()
}
