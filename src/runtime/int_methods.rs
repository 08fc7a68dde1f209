//! Methods of `int` and `float`: `bit_length`, `bit_count`, `to_bytes`, `int.from_bytes`,
//! `as_integer_ratio`, `is_integer`, `float.hex`, `float.fromhex`, ... with CPython's results
//! and messages.

use std::rc::Rc;

use num_bigint::{BigInt, Sign};
use num_integer::Integer;
use num_traits::{One, Signed, ToPrimitive, Zero};

use super::methargs::{check, check_count, Conv};
use super::num::frexp;
use super::types::builtin_value;
use crate::vm::object::{Args, BuiltinFn, Instance, Payload};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub const INT_METHODS: &[(&str, BuiltinFn)] = &[
    ("bit_length", int_bit_length),
    ("bit_count", int_bit_count),
    ("to_bytes", int_to_bytes),
    ("as_integer_ratio", int_as_integer_ratio),
    ("conjugate", int_identity),
    ("__index__", int_identity),
    ("__int__", int_identity),
    ("__trunc__", int_identity),
    ("__floor__", int_identity),
    ("__ceil__", int_identity),
    ("__float__", int_float),
];

pub const FLOAT_METHODS: &[(&str, BuiltinFn)] = &[
    ("is_integer", float_is_integer),
    ("as_integer_ratio", float_as_integer_ratio),
    ("hex", float_hex),
    ("conjugate", float_identity),
    ("__float__", float_identity),
    ("__int__", float_trunc),
    ("__trunc__", float_trunc),
    ("__floor__", float_floor),
    ("__ceil__", float_ceil),
];

/// Installs the class methods `int.from_bytes` and `float.fromhex`.
pub fn install(vm: &mut Vm) {
    let classmethod = |vm: &Vm, name: &'static str, owner: &'static str, f: BuiltinFn| {
        Value::Instance(Rc::new(Instance::new(
            vm.types.classmethod.clone(),
            Payload::class_method(builtin_value(name, Some(owner), f)),
        )))
    };
    let fb = classmethod(vm, "from_bytes", "int", int_from_bytes);
    vm.types.int.set_attr(intern("from_bytes"), fb);
    let fh = classmethod(vm, "fromhex", "float", float_fromhex);
    vm.types.float.set_attr(intern("fromhex"), fh);
}

// ----- int --------------------------------------------------------------------------------

/// The integer value of an `int` (or `bool`, or `int` subclass instance) receiver.
fn as_int(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => as_int(&b.borrow()),
            _ => None,
        },
        _ => None,
    }
}

/// The receiver as an `int` value (`Int`/`BigInt`, never `Bool` or an instance).
fn int_recv(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Int(i)) => Ok(Value::Int(*i)),
        Some(Value::Bool(b)) => Ok(Value::Int(b.get() as i64)),
        Some(v @ Value::BigInt(_)) => Ok(v.clone()),
        Some(v) => match as_int(v) {
            Some(b) => Ok(Value::from_bigint(b)),
            None => Err(vm.type_error(format!(
                "descriptor '{name}' for 'int' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method int.{name}() needs an argument"))),
    }
}

fn int_recv_checked(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    let v = int_recv(vm, args, name)?;
    check(vm, args, "int", name, Conv::NoArgs, 0, 0)?;
    Ok(v)
}

fn int_identity(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let name = match args.data {
        Value::Str(s) => s.as_str().to_string(),
        _ => "__index__".to_string(),
    };
    int_recv_checked(vm, &args, &name)
}

fn int_float(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match int_recv_checked(vm, &args, "__float__")? {
        Value::Int(i) => Ok(Value::float(i as f64)),
        Value::BigInt(b) => Ok(Value::float(super::num::big_to_f64(vm, &b)?)),
        _ => Ok(Value::float(0.0)),
    }
}

fn int_bit_length(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match int_recv_checked(vm, &args, "bit_length")? {
        Value::Int(i) => Value::Int(64 - i.unsigned_abs().leading_zeros() as i64),
        Value::BigInt(b) => Value::Int(b.bits() as i64),
        _ => Value::Int(0),
    })
}

fn int_bit_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(match int_recv_checked(vm, &args, "bit_count")? {
        Value::Int(i) => Value::Int(i.unsigned_abs().count_ones() as i64),
        Value::BigInt(b) => {
            let ones: u64 = b
                .magnitude()
                .iter_u64_digits()
                .map(|d| d.count_ones() as u64)
                .sum();
            Value::Int(ones as i64)
        }
        _ => Value::Int(0),
    })
}

fn int_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = int_recv_checked(vm, &args, "as_integer_ratio")?;
    Ok(Value::tuple(vec![v, Value::Int(1)]))
}

/// `byteorder` of `to_bytes`/`from_bytes`: true for little-endian.
fn byteorder(vm: &Vm, v: Option<&Value>, fname: &str) -> PyResult<bool> {
    match v {
        None => Ok(false),
        Some(Value::Str(s)) => match s.as_str() {
            "little" => Ok(true),
            "big" => Ok(false),
            _ => Err(vm.value_error("byteorder must be either 'little' or 'big'")),
        },
        Some(other) => Err(vm.type_error(format!(
            "{fname}() argument 'byteorder' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

/// Splits `(positional..., signed=)` for `to_bytes`/`from_bytes`: two positional-or-keyword
/// parameters and the keyword-only `signed`.
fn bytes_conv_args(
    vm: &mut Vm,
    pos: &[Value],
    kw: &[(crate::vm::symbol::Symbol, Value)],
    fname: &str,
    first: &str,
) -> PyResult<(Option<Value>, Option<Value>, bool)> {
    if pos.len() > 2 {
        return Err(vm.type_error(format!(
            "{fname}() takes at most 2 positional arguments ({} given)",
            pos.len()
        )));
    }
    let mut slots = [pos.first().cloned(), pos.get(1).cloned()];
    let mut signed = false;
    for (k, v) in kw {
        let name = k.as_str();
        let idx = if name == first {
            0
        } else if name == "byteorder" {
            1
        } else if name == "signed" {
            signed = vm.truthy(v)?;
            continue;
        } else {
            return Err(vm.type_error(format!(
                "'{name}' is an invalid keyword argument for {fname}()"
            )));
        };
        if slots[idx].is_some() {
            return Err(vm.type_error(format!(
                "argument for {fname}() given by name ('{name}') and position ({})",
                idx + 1
            )));
        }
        slots[idx] = Some(v.clone());
    }
    let [a, b] = slots;
    Ok((a, b, signed))
}

fn int_to_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = int_recv(vm, &args, "to_bytes")?;
    let n = as_int(&v).unwrap_or_default();
    let (length, order, signed) =
        bytes_conv_args(vm, &args.pos[1..], args.kw, "to_bytes", "length")?;
    let length = match &length {
        None => 1,
        Some(l) => super::methargs::ssize_arg(vm, l)?,
    };
    if length < 0 {
        return Err(vm.value_error("length argument must be non-negative"));
    }
    let little = byteorder(vm, order.as_ref(), "to_bytes")?;
    if !signed && n.is_negative() {
        return Err(vm.overflow_error("can't convert negative int to unsigned"));
    }
    let length = length as usize;
    let mut bytes = n.to_signed_bytes_le();
    // `to_signed_bytes_le` is minimal two's complement; unsigned values may need one byte less.
    if !signed && bytes.len() > 1 && bytes.last() == Some(&0) {
        bytes.pop();
    }
    if n.is_zero() {
        bytes.clear();
    }
    if bytes.len() > length {
        return Err(vm.overflow_error("int too big to convert"));
    }
    let fill = if n.is_negative() { 0xff } else { 0 };
    bytes.resize(length, fill);
    if !little {
        bytes.reverse();
    }
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn int_from_bytes(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let (src, order, signed) = bytes_conv_args(vm, &args.pos[1..], args.kw, "from_bytes", "bytes")?;
    let Some(src) = src else {
        return Err(vm.type_error("from_bytes() missing required argument 'bytes' (pos 1)"));
    };
    let little = byteorder(vm, order.as_ref(), "from_bytes")?;
    let data: Vec<u8> = match super::bytes_methods::as_bytes(&src) {
        Some(b) => b.to_vec(),
        None => {
            if matches!(src, Value::Str(_)) || !vm.is_iterable(&src) {
                return Err(vm.type_error(format!(
                    "cannot convert '{}' object to bytes",
                    vm.type_name(&src)
                )));
            }
            super::bytes_methods::bytes_from_args(vm, std::slice::from_ref(&src), &[], "bytes")?
        }
    };
    let n = if signed {
        if little {
            BigInt::from_signed_bytes_le(&data)
        } else {
            BigInt::from_signed_bytes_be(&data)
        }
    } else if little {
        BigInt::from_bytes_le(Sign::Plus, &data)
    } else {
        BigInt::from_bytes_be(Sign::Plus, &data)
    };
    let v = Value::from_bigint(n);
    match &cls {
        Value::Class(c) if !std::rc::Rc::ptr_eq(c, &vm.types.int) => vm.call(&cls, &[v]),
        _ => Ok(v),
    }
}

// ----- float ------------------------------------------------------------------------------

fn as_float(v: &Value) -> Option<f64> {
    match v {
        Value::Float(f) => Some(f.get()),
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => as_float(&b.borrow()),
            _ => None,
        },
        _ => None,
    }
}

fn float_recv(vm: &Vm, args: &Args, name: &str) -> PyResult<f64> {
    let x = match args.pos.first() {
        Some(v) => as_float(v).ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for 'float' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        })?,
        None => {
            return Err(vm.type_error(format!("unbound method float.{name}() needs an argument")))
        }
    };
    check(vm, args, "float", name, Conv::NoArgs, 0, 0)?;
    Ok(x)
}

fn float_identity(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::float(float_recv(vm, &args, "conjugate")?))
}

fn float_is_integer(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_recv(vm, &args, "is_integer")?;
    Ok(Value::bool(x.is_finite() && x.fract() == 0.0))
}

fn to_int_value(vm: &Vm, x: f64) -> PyResult<Value> {
    super::numfmt::float_to_int(x)
        .map(Value::from_bigint)
        .map_err(|e| vm.numfmt_error(e))
}

fn float_trunc(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_recv(vm, &args, "__trunc__")?;
    to_int_value(vm, x.trunc())
}

fn float_floor(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_recv(vm, &args, "__floor__")?;
    to_int_value(vm, x.floor())
}

fn float_ceil(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_recv(vm, &args, "__ceil__")?;
    to_int_value(vm, x.ceil())
}

/// `x.as_integer_ratio()`: the exact fraction in lowest terms.
pub fn float_ratio(x: f64) -> Option<(BigInt, BigInt)> {
    if !x.is_finite() {
        return None;
    }
    let (m, e) = frexp(x);
    // m * 2**53 is an integer (53-bit mantissa).
    let mant = (m * 9007199254740992.0) as i64;
    let exp = e - 53;
    let mut num = BigInt::from(mant);
    let mut den = BigInt::one();
    if exp >= 0 {
        num <<= exp as usize;
    } else {
        den <<= (-exp) as usize;
    }
    let g = num.gcd(&den);
    if !g.is_zero() {
        num /= &g;
        den /= &g;
    }
    Some((num, den))
}

fn float_as_integer_ratio(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_recv(vm, &args, "as_integer_ratio")?;
    if x.is_nan() {
        return Err(vm.value_error("cannot convert NaN to integer ratio"));
    }
    match float_ratio(x) {
        Some((n, d)) => Ok(Value::tuple(vec![
            Value::from_bigint(n),
            Value::from_bigint(d),
        ])),
        None => Err(vm.overflow_error("cannot convert Infinity to integer ratio")),
    }
}

/// `float.hex()`, CPython's `float_hex`.
pub fn float_to_hex(x: f64) -> String {
    if x.is_nan() {
        return "nan".into();
    }
    if x.is_infinite() {
        return if x > 0.0 { "inf" } else { "-inf" }.into();
    }
    if x == 0.0 {
        return if x.is_sign_negative() {
            "-0x0.0p+0"
        } else {
            "0x0.0p+0"
        }
        .into();
    }
    const DBL_MIN_EXP: i32 = -1021;
    let (m, e) = frexp(x.abs());
    let shift = 1 - (DBL_MIN_EXP - e).max(0);
    let mut m = m * pow2(shift);
    let mut e = e - shift;
    let digit = |d: f64| char::from_digit(d as u32, 16).unwrap_or('0');
    let mut s = String::new();
    s.push(digit(m.trunc()));
    m -= m.trunc();
    s.push('.');
    for _ in 0..13 {
        m *= 16.0;
        s.push(digit(m.trunc()));
        m -= m.trunc();
    }
    let esign = if e < 0 {
        e = -e;
        '-'
    } else {
        '+'
    };
    let sign = if x < 0.0 { "-" } else { "" };
    format!("{sign}0x{s}p{esign}{e}")
}

/// 2**k as an exact float, for `-1074 <= k <= 1023` (beyond that, 0 or inf).
fn pow2(k: i32) -> f64 {
    if k > 1023 {
        f64::INFINITY
    } else if k >= -1022 {
        f64::from_bits(((k + 1023) as u64) << 52)
    } else if k >= -1074 {
        f64::from_bits(1u64 << (k + 1074))
    } else {
        0.0
    }
}

fn float_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let x = float_recv(vm, &args, "hex")?;
    Ok(Value::string(float_to_hex(x)))
}

/// `float.fromhex(s)`: `Err(true)` for overflow, `Err(false)` for a malformed string.
pub fn float_from_hex(s: &str) -> Result<f64, bool> {
    let t = s.trim_matches(super::ucd::is_space);
    let (neg, t) = match t.as_bytes().first() {
        Some(b'-') => (true, &t[1..]),
        Some(b'+') => (false, &t[1..]),
        _ => (false, t),
    };
    let sign = if neg { -1.0 } else { 1.0 };
    let lower = t.to_ascii_lowercase();
    if lower == "inf" || lower == "infinity" {
        return Ok(sign * f64::INFINITY);
    }
    if lower == "nan" {
        return Ok(f64::NAN);
    }
    let b = lower.as_bytes();
    let mut i = 0;
    if b.len() >= 2 && b[0] == b'0' && b[1] == b'x' {
        i = 2;
    }
    let mut mant = BigInt::zero();
    let mut ndigits = 0usize;
    let mut frac_digits = 0i64;
    let mut seen_point = false;
    while i < b.len() {
        let c = b[i];
        if c == b'.' && !seen_point {
            seen_point = true;
        } else if let Some(d) = (c as char).to_digit(16) {
            mant = (mant << 4usize) + BigInt::from(d);
            ndigits += 1;
            if seen_point {
                frac_digits += 1;
            }
        } else {
            break;
        }
        i += 1;
    }
    if ndigits == 0 {
        return Err(false);
    }
    let mut exp: i64 = 0;
    if i < b.len() && b[i] == b'p' {
        i += 1;
        let mut eneg = false;
        if i < b.len() && (b[i] == b'+' || b[i] == b'-') {
            eneg = b[i] == b'-';
            i += 1;
        }
        let start = i;
        while i < b.len() && b[i].is_ascii_digit() {
            exp = exp.saturating_mul(10).saturating_add((b[i] - b'0') as i64);
            i += 1;
        }
        if i == start {
            return Err(false);
        }
        if eneg {
            exp = -exp;
        }
    }
    if i != b.len() {
        return Err(false);
    }
    if mant.is_zero() {
        return Ok(sign * 0.0);
    }
    let e = exp.saturating_sub(4 * frac_digits);
    let nbits = mant.bits() as i64;
    let top = nbits - 1 + e;
    if top > 1023 {
        return Err(true);
    }
    // The exponent of the last kept bit: 53 significant bits, but nothing below 2**-1074.
    let lsb = (top - 52).max(-1074);
    let shift = lsb - e;
    let q: BigInt = if shift <= 0 {
        mant << (-shift) as usize
    } else {
        let shift = shift as usize;
        let q = &mant >> shift;
        let rem = &mant - (&q << shift);
        let half = BigInt::one() << (shift - 1);
        if rem > half || (rem == half && q.is_odd()) {
            q + 1
        } else {
            q
        }
    };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let r = qf * pow2(lsb as i32);
    if r.is_infinite() {
        return Err(true);
    }
    Ok(sign * r)
}

fn float_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("float.fromhex() takes no keyword arguments"));
    }
    check_count(
        vm,
        args.pos.len().saturating_sub(1),
        "float",
        "fromhex",
        Conv::One,
        1,
        1,
    )?;
    let cls = args.pos[0].clone();
    let Value::Str(s) = &args.pos[1] else {
        return Err(vm.type_error("bad argument type for built-in operation"));
    };
    let x = match float_from_hex(s.as_str()) {
        Ok(x) => x,
        Err(true) => {
            return Err(vm.overflow_error("hexadecimal value too large to represent as a float"))
        }
        Err(false) => return Err(vm.value_error("invalid hexadecimal floating-point string")),
    };
    match &cls {
        Value::Class(c) if !Rc::ptr_eq(c, &vm.types.float) => vm.call(&cls, &[Value::float(x)]),
        _ => Ok(Value::float(x)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_matches_cpython() {
        assert_eq!(float_to_hex(1.0), "0x1.0000000000000p+0");
        assert_eq!(float_to_hex(0.1), "0x1.999999999999ap-4");
        assert_eq!(float_to_hex(-0.0), "-0x0.0p+0");
        assert_eq!(float_to_hex(5e-324), "0x0.0000000000001p-1022");
        assert_eq!(float_to_hex(f64::MAX), "0x1.fffffffffffffp+1023");
        assert_eq!(float_to_hex(-2.5), "-0x1.4000000000000p+1");
    }

    #[test]
    fn fromhex_round_trips_and_rounds() {
        for x in [
            1.0,
            0.1,
            5e-324,
            f64::MAX,
            2.2250738585072014e-308,
            123.456,
            -7.25,
        ] {
            assert_eq!(float_from_hex(&float_to_hex(x)), Ok(x));
        }
        assert_eq!(float_from_hex("0x1.8p1"), Ok(3.0));
        assert_eq!(float_from_hex(" -0x1p-1074 "), Ok(-5e-324));
        assert_eq!(float_from_hex("0x1p-1075"), Ok(0.0));
        assert_eq!(float_from_hex("0x3p-1075"), Ok(5e-324 * 2.0));
        assert_eq!(float_from_hex("0x1p1024"), Err(true));
        assert_eq!(float_from_hex("0x1.fffffffffffff8p1023"), Err(true));
        assert_eq!(float_from_hex("x"), Err(false));
        assert_eq!(float_from_hex("1.5"), Ok(1.3125));
    }

    #[test]
    fn ratios() {
        assert_eq!(float_ratio(2.5), Some((BigInt::from(5), BigInt::from(2))));
        assert_eq!(
            float_ratio(0.1),
            Some((
                BigInt::from(3602879701896397i64),
                BigInt::from(36028797018963968i64)
            ))
        );
        assert_eq!(float_ratio(-0.0), Some((BigInt::from(0), BigInt::from(1))));
    }
}
