//! printf-style formatting, `fmt % args`, for `str` and `bytes`: a port of CPython's
//! `PyUnicode_Format`/`_PyBytes_FormatEx`. Conversions `%s %r %a %c %d %i %u %o %x %X %e %E %f
//! %F %g %G %%` (and `%b` for bytes), flags `-+ #0`, width and precision (also `*`), `%(key)`
//! mapping look-ups, the rules for which argument is consumed when, and CPython's messages.

use std::rc::Rc;

use num_bigint::BigInt;
use num_traits::Signed;

use super::numfmt;
use crate::vm::symbol::sym;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

const F_LJUST: u8 = 1;
const F_SIGN: u8 = 2;
const F_BLANK: u8 = 4;
const F_ALT: u8 = 8;
const F_ZERO: u8 = 16;

/// Which arguments are left: CPython's `args`/`arglen`/`argidx` triple. A non-tuple argument
/// (and the value of each `%(key)` look-up) counts as a single argument.
struct ArgState {
    args: Value,
    arglen: i64,
    argidx: i64,
}

impl ArgState {
    fn new(args: &Value) -> ArgState {
        match args {
            Value::Tuple(t) => ArgState {
                args: args.clone(),
                arglen: t.len() as i64,
                argidx: 0,
            },
            _ => ArgState {
                args: args.clone(),
                arglen: -1,
                argidx: -2,
            },
        }
    }

    fn next(&mut self, vm: &Vm) -> PyResult<Value> {
        if self.argidx < self.arglen {
            let idx = self.argidx;
            self.argidx += 1;
            if self.arglen < 0 {
                return Ok(self.args.clone());
            }
            if let Value::Tuple(t) = &self.args {
                if let Some(v) = t.get(idx as usize) {
                    return Ok(v.clone());
                }
            }
        }
        Err(vm.type_error("not enough arguments for format string"))
    }
}

/// Is `v` a mapping in the sense of `PyMapping_Check` (anything subscriptable but a tuple or
/// str)? Such an argument enables `%(key)` and silences "not all arguments converted".
fn is_mapping(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Tuple(_) | Value::Str(_) => false,
        Value::Dict(_) | Value::List(_) | Value::Bytes(_) | Value::Range(_) => true,
        Value::Instance(i) => {
            i.class.lookup(sym::GETITEM).is_some()
                || (matches!(i.payload, crate::vm::object::Payload::Boxed(_))
                    && !i.class.is_subclass_of(&vm.types.tuple)
                    && !i.class.is_subclass_of(&vm.types.str)
                    && !i.class.is_subclass_of(&vm.types.int)
                    && !i.class.is_subclass_of(&vm.types.float)
                    && !i.class.is_subclass_of(&vm.types.complex)
                    && !i.class.is_subclass_of(&vm.types.set))
        }
        _ => false,
    }
}

/// `str % args`.
pub fn percent_format(vm: &mut Vm, fmt: &str, args: &Value) -> PyResult<Value> {
    let chars: Vec<char> = fmt.chars().collect();
    let out = format_impl(vm, &chars, args, false)?;
    Ok(Value::string(out.into_iter().collect()))
}

/// `bytes % args` (the format and the result are bytes; each byte is a `char` below 256).
pub fn bytes_percent_format(vm: &mut Vm, fmt: &[u8], args: &Value) -> PyResult<Value> {
    let chars: Vec<char> = fmt.iter().map(|&b| b as char).collect();
    let out = format_impl(vm, &chars, args, true)?;
    Ok(Value::Bytes(Rc::new(
        out.into_iter().map(|c| c as u32 as u8).collect(),
    )))
}

/// The parsed `%` specification.
struct Spec {
    flags: u8,
    width: i64,
    prec: Option<i64>,
}

fn format_impl(vm: &mut Vm, f: &[char], args: &Value, bytes: bool) -> PyResult<Vec<char>> {
    let dict = if is_mapping(vm, args) {
        Some(args.clone())
    } else {
        None
    };
    let mut st = ArgState::new(args);
    let mut out: Vec<char> = Vec::with_capacity(f.len());
    let mut i = 0;
    while i < f.len() {
        if f[i] != '%' {
            out.push(f[i]);
            i += 1;
            continue;
        }
        i += 1;
        if i >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        if f[i] == '%' {
            out.push('%');
            i += 1;
            continue;
        }
        // `%(key)`: parentheses nest.
        if f[i] == '(' {
            let Some(d) = &dict else {
                return Err(vm.type_error("format requires a mapping"));
            };
            let mut depth = 1;
            i += 1;
            let start = i;
            while i < f.len() && depth > 0 {
                match f[i] {
                    ')' => depth -= 1,
                    '(' => depth += 1,
                    _ => {}
                }
                i += 1;
            }
            if depth > 0 {
                return Err(vm.value_error("incomplete format key"));
            }
            let key_chars = &f[start..i - 1];
            let key = if bytes {
                Value::Bytes(Rc::new(key_chars.iter().map(|&c| c as u32 as u8).collect()))
            } else {
                Value::string(key_chars.iter().collect())
            };
            let v = vm.get_item(d, &key)?;
            st = ArgState {
                args: v,
                arglen: -1,
                argidx: -2,
            };
        }
        let mut spec = Spec {
            flags: 0,
            width: -1,
            prec: None,
        };
        while i < f.len() {
            let flag = match f[i] {
                '-' => F_LJUST,
                '+' => F_SIGN,
                ' ' => F_BLANK,
                '#' => F_ALT,
                '0' => F_ZERO,
                _ => break,
            };
            spec.flags |= flag;
            i += 1;
        }
        if i < f.len() && f[i] == '*' {
            let w = st.next(vm)?;
            let w = star_arg(vm, &w)?;
            if w < 0 {
                spec.flags |= F_LJUST;
            }
            spec.width = w.abs();
            i += 1;
        } else {
            let mut w: Option<i64> = None;
            while i < f.len() && f[i].is_ascii_digit() {
                let d = f[i] as i64 - '0' as i64;
                w = Some(
                    w.unwrap_or(0)
                        .checked_mul(10)
                        .and_then(|x| x.checked_add(d))
                        .ok_or_else(|| vm.value_error("width too big"))?,
                );
                i += 1;
            }
            if let Some(w) = w {
                spec.width = w;
            }
        }
        if i < f.len() && f[i] == '.' {
            i += 1;
            if i < f.len() && f[i] == '*' {
                let p = st.next(vm)?;
                spec.prec = Some(star_arg(vm, &p)?.max(0));
                i += 1;
            } else {
                let mut p: i64 = 0;
                while i < f.len() && f[i].is_ascii_digit() {
                    let d = f[i] as i64 - '0' as i64;
                    p = p
                        .checked_mul(10)
                        .and_then(|x| x.checked_add(d))
                        .filter(|&x| x <= i32::MAX as i64)
                        .ok_or_else(|| vm.value_error("precision too big"))?;
                    i += 1;
                }
                spec.prec = Some(p);
            }
        }
        // Length modifiers are accepted and ignored, as in C.
        if i < f.len() && matches!(f[i], 'h' | 'l' | 'L') {
            i += 1;
        }
        if i >= f.len() {
            return Err(vm.value_error("incomplete format"));
        }
        let conv = f[i];
        let conv_index = i;
        i += 1;
        let v = st.next(vm)?;
        format_one(vm, &mut out, conv, conv_index, &spec, &v, bytes)?;
    }
    if st.argidx < st.arglen && dict.is_none() {
        return Err(vm.type_error(if bytes {
            "not all arguments converted during bytes formatting"
        } else {
            "not all arguments converted during string formatting"
        }));
    }
    Ok(out)
}

/// A `*` width or precision.
fn star_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::Int(n) => Ok(*n),
        Value::Bool(b) => Ok(b.get() as i64),
        Value::BigInt(_) => Err(vm.overflow_error("Python int too large to convert to C int")),
        _ => Err(vm.type_error("* wants int")),
    }
}

/// Pads `body` (the text after any sign or `0x` prefix) to the spec's width: MemoryError for a
/// width too big to hold.
fn emit(
    vm: &Vm,
    out: &mut Vec<char>,
    spec: &Spec,
    sign: &str,
    prefix: &str,
    body: &str,
    numeric: bool,
) -> PyResult<()> {
    let len = sign.chars().count() + prefix.chars().count() + body.chars().count();
    let pad = (spec.width.max(0) as usize).saturating_sub(len);
    super::seq::alloc_check(vm, pad as u128)?;
    if spec.flags & F_LJUST != 0 {
        out.extend(sign.chars().chain(prefix.chars()).chain(body.chars()));
        out.extend(std::iter::repeat_n(' ', pad));
    } else if numeric && spec.flags & F_ZERO != 0 {
        out.extend(sign.chars().chain(prefix.chars()));
        out.extend(std::iter::repeat_n('0', pad));
        out.extend(body.chars());
    } else {
        out.extend(std::iter::repeat_n(' ', pad));
        out.extend(sign.chars().chain(prefix.chars()).chain(body.chars()));
    }
    Ok(())
}

fn sign_for(negative: bool, flags: u8) -> &'static str {
    if negative {
        "-"
    } else if flags & F_SIGN != 0 {
        "+"
    } else if flags & F_BLANK != 0 {
        " "
    } else {
        ""
    }
}

/// Truncates to the precision (in characters).
fn truncated(s: String, prec: Option<i64>) -> String {
    match prec {
        Some(p) if (p as usize) < s.chars().count() => s.chars().take(p as usize).collect(),
        _ => s,
    }
}

fn format_one(
    vm: &mut Vm,
    out: &mut Vec<char>,
    conv: char,
    conv_index: usize,
    spec: &Spec,
    v: &Value,
    bytes: bool,
) -> PyResult<()> {
    match conv {
        's' if !bytes => {
            let s = truncated(vm.to_str(v)?, spec.prec);
            emit(vm, out, spec, "", "", &s, false)?;
        }
        's' | 'b' if bytes => {
            let b = bytes_operand(vm, v)?;
            let s: String = b.iter().map(|&c| c as char).collect();
            emit(vm, out, spec, "", "", &truncated(s, spec.prec), false)?;
        }
        'r' | 'a' => {
            let r = vm.repr(v)?;
            let r = if conv == 'a' || bytes {
                super::repr::ascii_escape(&r)
            } else {
                r
            };
            emit(vm, out, spec, "", "", &truncated(r, spec.prec), false)?;
        }
        'c' => {
            let c = char_operand(vm, v, bytes)?;
            emit(vm, out, spec, "", "", &c.to_string(), false)?;
        }
        'd' | 'i' | 'u' | 'o' | 'x' | 'X' => {
            let n = int_operand(vm, v, conv)?;
            let neg = n.is_negative();
            let mag = n.abs();
            let mut digits = match conv {
                'o' => mag.to_str_radix(8),
                'x' => mag.to_str_radix(16),
                'X' => mag.to_str_radix(16).to_ascii_uppercase(),
                _ => mag.to_string(),
            };
            if let Some(p) = spec.prec {
                let p = p as usize;
                if digits.len() < p {
                    digits = "0".repeat(p - digits.len()) + &digits;
                }
            }
            let prefix = if spec.flags & F_ALT != 0 {
                match conv {
                    'o' => "0o",
                    'x' => "0x",
                    'X' => "0X",
                    _ => "",
                }
            } else {
                ""
            };
            emit(
                vm,
                out,
                spec,
                sign_for(neg, spec.flags),
                prefix,
                &digits,
                true,
            )?;
        }
        'e' | 'E' | 'f' | 'F' | 'g' | 'G' => {
            let x = float_operand(vm, v)?;
            let neg = x.is_sign_negative() && !x.is_nan();
            let body = if x.is_finite() {
                let alt = if spec.flags & F_ALT != 0 { "#" } else { "" };
                let prec = spec.prec.unwrap_or(6);
                let s = format!("{alt}.{prec}{conv}");
                let fs = numfmt::parse_format_spec(&s, numfmt::SpecKind::Float, "float")
                    .map_err(|e| vm.value_error(e))?;
                numfmt::format_float(x.abs(), &fs).map_err(|e| vm.value_error(e))?
            } else {
                let s = if x.is_nan() { "nan" } else { "inf" };
                if conv.is_ascii_uppercase() {
                    s.to_ascii_uppercase()
                } else {
                    s.to_string()
                }
            };
            emit(vm, out, spec, sign_for(neg, spec.flags), "", &body, true)?;
        }
        other => {
            let shown = if (' '..='~').contains(&other) {
                other
            } else {
                '?'
            };
            return Err(vm.value_error(format!(
                "unsupported format character '{shown}' (0x{:x}) at index {conv_index}",
                other as u32
            )));
        }
    }
    Ok(())
}

fn bytes_operand(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = super::bytes_methods::as_bytes(v) {
        return Ok(b.to_vec());
    }
    if let Value::Instance(_) = v {
        if let Some(f) = vm.lookup_special(v, crate::vm::symbol::intern("__bytes__")) {
            if let Value::Bytes(b) = vm.call_bound(f, v.clone(), &[])? {
                return Ok(b.to_vec());
            }
        }
    }
    Err(vm.type_error(format!(
        "%b requires a bytes-like object, or an object that implements __bytes__, not '{}'",
        vm.type_name(v)
    )))
}

fn char_operand(vm: &mut Vm, v: &Value, bytes: bool) -> PyResult<char> {
    if bytes {
        if let Some(b) = super::bytes_methods::as_bytes(v) {
            if b.len() == 1 {
                return Ok(b[0] as char);
            }
        }
        return match v {
            Value::Int(n) if (0..256).contains(n) => Ok(*n as u8 as char),
            Value::Bool(b) => Ok(b.get() as u8 as char),
            Value::Int(_) | Value::BigInt(_) => Err(vm.overflow_error("%c arg not in range(256)")),
            _ => Err(vm.type_error("%c requires an integer in range(256) or a single byte")),
        };
    }
    match v {
        Value::Str(s) if s.char_len() == 1 => Ok(s.as_str().chars().next().unwrap_or('\0')),
        Value::Bool(b) => Ok(if b.get() { '\u{1}' } else { '\0' }),
        Value::Int(n) => u32::try_from(*n)
            .ok()
            .and_then(char::from_u32)
            .ok_or_else(|| vm.overflow_error("%c arg not in range(0x110000)")),
        Value::BigInt(_) => Err(vm.overflow_error("%c arg not in range(0x110000)")),
        _ => Err(vm.type_error("%c requires int or char")),
    }
}

fn int_operand(vm: &mut Vm, v: &Value, conv: char) -> PyResult<BigInt> {
    let decimal = matches!(conv, 'd' | 'i' | 'u');
    match v {
        Value::Int(i) => return Ok(BigInt::from(*i)),
        Value::Bool(b) => return Ok(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => return Ok((**b).clone()),
        Value::Float(f) if decimal => {
            return numfmt::float_to_int(f.get()).map_err(|e| vm.numfmt_error(e));
        }
        Value::Instance(_) => {
            let names = if decimal {
                &[sym::INDEX, sym::INT][..]
            } else {
                &[sym::INDEX][..]
            };
            for &name in names {
                if let Some(r) = vm.call_special(v, name, &[])? {
                    if let Some(b) = super::num::to_big(&r) {
                        return Ok(b);
                    }
                }
            }
        }
        _ => {}
    }
    Err(vm.type_error(format!(
        "%{conv} format: {} is required, not {}",
        if decimal {
            "a real number"
        } else {
            "an integer"
        },
        vm.type_name(v)
    )))
}

fn float_operand(vm: &mut Vm, v: &Value) -> PyResult<f64> {
    match v {
        Value::Float(f) => Ok(f.get()),
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Instance(_) => {
            if let Value::Instance(_) = v {
                if vm.lookup_special(v, sym::FLOAT).is_none()
                    && vm.lookup_special(v, sym::INDEX).is_none()
                {
                    return Err(
                        vm.type_error(format!("must be real number, not {}", vm.type_name(v)))
                    );
                }
            }
            super::builtins::to_float(vm, v)
        }
        _ => Err(vm.type_error(format!("must be real number, not {}", vm.type_name(v)))),
    }
}
