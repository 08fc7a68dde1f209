//! Floats to decimal text: the digit generation of `_Py_dg_dtoa` and the layout of CPython's
//! `format_float_short` (Python/pystrtod.c), plus `round(float, n)`, `hash(float)` and
//! `float(int)`, which share the same exact-decimal reasoning.
//!
//! Digits come from ryu (shortest round-trip, as dtoa's mode 0) and from std's exact
//! `{:.N}`/`{:.Ne}` formatting (correctly rounded, ties to even, as dtoa's modes 2 and 3); the
//! layout around them is CPython's.

use num_bigint::{BigInt, BigUint, Sign};
use num_integer::Integer;
use num_traits::{ToPrimitive, Zero};

use super::PyExc;

/// A finite non-negative value as `_Py_dg_dtoa` describes it: the value is
/// `0.d1d2d3... × 10^decpt`, `digits` has no leading or trailing zeros, and zero is `"0"` with
/// `decpt == 1`.
struct Digits {
    digits: Vec<u8>,
    decpt: i64,
}

impl Digits {
    /// Reads Rust's own float text (`"123.45"`, `"1.5e-7"`, `"1e16"`, `"0.000"`).
    fn from_rust_text(text: &str) -> Digits {
        let (mantissa, exp) = match text.split_once(['e', 'E']) {
            Some((m, e)) => (m, e.parse::<i64>().unwrap_or(0)),
            None => (text, 0),
        };
        let (int_part, frac_part) = mantissa.split_once('.').unwrap_or((mantissa, ""));
        let mut digits: Vec<u8> = int_part.bytes().chain(frac_part.bytes()).collect();
        let mut decpt = int_part.len() as i64 + exp;
        let leading = digits.iter().take_while(|&&d| d == b'0').count();
        digits.drain(..leading);
        decpt -= leading as i64;
        while digits.last() == Some(&b'0') {
            digits.pop();
        }
        if digits.is_empty() {
            return Digits {
                digits: vec![b'0'],
                decpt: 1,
            };
        }
        Digits { digits, decpt }
    }

    /// dtoa mode 0: the shortest digits that round-trip, closest to the true value.
    fn shortest(x: f64) -> Digits {
        let mut buffer = ryu::Buffer::new();
        Digits::from_rust_text(buffer.format_finite(x.abs()))
    }

    /// dtoa mode 2: `n >= 1` significant digits, correctly rounded.
    fn significant(x: f64, n: usize) -> Digits {
        Digits::from_rust_text(&format!("{:.*e}", n.saturating_sub(1), x.abs()))
    }

    /// dtoa mode 3: `n` digits after the decimal point, correctly rounded.
    fn fixed(x: f64, n: usize) -> Digits {
        Digits::from_rust_text(&format!("{:.*}", n, x.abs()))
    }

    fn is_zero(&self) -> bool {
        self.digits == [b'0']
    }
}

/// `Py_DTSF_*` flags of `PyOS_double_to_string`.
#[derive(Debug, Clone, Copy, Default)]
pub(super) struct DtoaFlags {
    /// `Py_DTSF_SIGN`: put `+` before non-negative values.
    pub sign: bool,
    /// `Py_DTSF_ADD_DOT_0`: integral values in fixed notation get `.0` (repr and the none type).
    pub add_dot_0: bool,
    /// `Py_DTSF_ALT`: the `#` alternate form (keep the point and trailing zeros).
    pub alt: bool,
    /// `Py_DTSF_NO_NEG_0`: the `z` option, a negative value that rounds to zero loses its sign.
    pub no_neg_0: bool,
}

/// `PyOS_double_to_string(x, code, precision, flags)`: `code` is one of `e E f F g G r`; the
/// upper-case codes spell `INF`, `NAN` and `E`.
pub(super) fn double_to_string(x: f64, code: char, precision: usize, flags: DtoaFlags) -> String {
    let upper = code.is_ascii_uppercase();
    let code = code.to_ascii_lowercase();
    let mut out = String::new();
    if x.is_nan() {
        // The sign of a NaN is never shown.
        if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "NAN" } else { "nan" });
        return out;
    }
    let mut negative = x.is_sign_negative();
    if x.is_infinite() {
        if negative {
            out.push('-');
        } else if flags.sign {
            out.push('+');
        }
        out.push_str(if upper { "INF" } else { "inf" });
        return out;
    }
    let (digits, precision) = match code {
        'e' => (Digits::significant(x, precision + 1), precision + 1),
        'f' => (Digits::fixed(x, precision), precision),
        'g' => {
            let p = precision.max(1);
            (Digits::significant(x, p), p)
        }
        _ => (Digits::shortest(x), 0),
    };
    if flags.no_neg_0 && negative && digits.is_zero() {
        negative = false;
    }
    if negative {
        out.push('-');
    } else if flags.sign {
        out.push('+');
    }
    layout(&mut out, &digits, code, precision as i64, flags, upper);
    out
}

/// The body of `format_float_short`: places the point, pads with zeros and adds the exponent.
fn layout(out: &mut String, d: &Digits, code: char, precision: i64, flags: DtoaFlags, upper: bool) {
    let digits_len = d.digits.len() as i64;
    let mut decpt = d.decpt;
    let mut vdigits_end = digits_len;
    let mut use_exp = false;
    match code {
        'e' => {
            use_exp = true;
            vdigits_end = precision;
        }
        'f' => vdigits_end = decpt + precision,
        'g' => {
            let limit = if flags.add_dot_0 {
                precision - 1
            } else {
                precision
            };
            use_exp = decpt <= -4 || decpt > limit;
            if flags.alt {
                vdigits_end = precision;
            }
        }
        // 'r': CPython switches to exponent notation at 1e16, not 1e17, so that a 16-digit
        // shortest repr is never padded with misleading zeros.
        _ => use_exp = decpt <= -4 || decpt > 16,
    }
    let mut exp = 0;
    if use_exp {
        exp = decpt - 1;
        decpt = 1;
    }
    let vdigits_start = if decpt <= 0 { decpt - 1 } else { 0 };
    vdigits_end = if !use_exp && flags.add_dot_0 {
        vdigits_end.max(decpt + 1)
    } else {
        vdigits_end.max(decpt)
    };
    let zeros = |out: &mut String, n: i64| out.extend((0..n.max(0)).map(|_| '0'));
    let digits = String::from_utf8_lossy(&d.digits);
    if decpt <= 0 {
        zeros(out, decpt - vdigits_start);
        out.push('.');
        zeros(out, -decpt);
    } else {
        zeros(out, -vdigits_start);
    }
    if 0 < decpt && decpt <= digits_len {
        out.push_str(&digits[..decpt as usize]);
        out.push('.');
        out.push_str(&digits[decpt as usize..]);
    } else {
        out.push_str(&digits);
    }
    if digits_len < decpt {
        zeros(out, decpt - digits_len);
        out.push('.');
        zeros(out, vdigits_end - decpt);
    } else {
        zeros(out, vdigits_end - digits_len);
    }
    if out.ends_with('.') && !flags.alt {
        out.pop();
    }
    if use_exp {
        out.push(if upper { 'E' } else { 'e' });
        out.push(if exp < 0 { '-' } else { '+' });
        out.push_str(&format!("{:02}", exp.abs()));
    }
}

/// `repr(x)` and `str(x)` for a float: the shortest digits that round-trip, in fixed notation
/// for `1e-4 <= |x| < 1e16` (with `.0` when integral) and as `1e+16`/`1e-05` otherwise;
/// `inf`, `-inf`, `nan`, `-0.0`.
pub fn float_repr(x: f64) -> String {
    let flags = DtoaFlags {
        add_dot_0: true,
        ..DtoaFlags::default()
    };
    double_to_string(x, 'r', 0, flags)
}

/// `repr(z)` and `str(z)` for a complex, as CPython's `complex_repr`: each part in the shortest
/// round-trip form without the `.0` a float repr adds (`1j`, `(1.5-0j)`, `1e+16j`); a real part
/// of `+0.0` is left out, anything else (`-0.0` too) gives `(re±imj)`.
pub fn complex_repr(re: f64, im: f64) -> String {
    let plain = DtoaFlags::default();
    if re == 0.0 && re.is_sign_positive() {
        return format!("{}j", double_to_string(im, 'r', 0, plain));
    }
    let signed = DtoaFlags {
        sign: true,
        ..plain
    };
    format!(
        "({}{}j)",
        double_to_string(re, 'r', 0, plain),
        double_to_string(im, 'r', 0, signed)
    )
}

/// `round(x, ndigits)` for a float, as CPython's `float.__round__` with an int `ndigits`
/// (callers clamp a huge Python int to `i64`, as `PyNumber_AsSsize_t` clips):
/// the value correctly rounded, half to even on the exact binary value, to `10**-ndigits`
/// (`round(2.675, 2) == 2.67`). `inf`/`nan` and `ndigits > 323` return `x`; `ndigits < -308`
/// returns a zero with the sign of `x`.
///
/// Errors: `OverflowError("rounded value too large to represent")` when the rounded value
/// leaves the float range (`round(1.7e308, -308)`).
pub fn format_float_round(x: f64, ndigits: i64) -> Result<f64, PyExc> {
    // CPython's NDIGITS_MAX = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103) and
    // NDIGITS_MIN = -(int)((DBL_MAX_EXP + 1) * 0.30103): beyond them every double rounds to itself
    // or to zero.
    const NDIGITS_MAX: i64 = 323;
    const NDIGITS_MIN: i64 = -308;
    if !x.is_finite() || ndigits > NDIGITS_MAX {
        return Ok(x);
    }
    if ndigits < NDIGITS_MIN {
        return Ok(0.0 * x);
    }
    let text = if ndigits >= 0 {
        format!("{:.*}", ndigits as usize, x)
    } else {
        // Round to a multiple of 10**k on the exact value m * 2**e.
        let k = ndigits.unsigned_abs() as u32;
        let (mantissa, exp) = decompose(x);
        let ten_k = BigUint::from(10u32).pow(k);
        let (num, den) = if exp >= 0 {
            (BigUint::from(mantissa) << exp as usize, ten_k)
        } else {
            (
                BigUint::from(mantissa),
                ten_k << exp.unsigned_abs() as usize,
            )
        };
        let (mut q, r) = num.div_rem(&den);
        let twice = r << 1usize;
        if twice > den || (twice == den && q.is_odd()) {
            q += 1u32;
        }
        if q.is_zero() {
            return Ok(0.0 * x);
        }
        let sign = if x < 0.0 { "-" } else { "" };
        format!("{sign}{q}e{k}")
    };
    let rounded: f64 = text.parse().unwrap_or(f64::NAN);
    if rounded.is_infinite() {
        return Err(PyExc::OverflowError(
            "rounded value too large to represent".to_string(),
        ));
    }
    Ok(rounded)
}

/// `int(x)` for a float: truncated toward zero, exactly.
///
/// Errors: `OverflowError("cannot convert float infinity to integer")`,
/// `ValueError("cannot convert float NaN to integer")`.
pub fn float_to_int(x: f64) -> Result<BigInt, PyExc> {
    if x.is_nan() {
        return Err(PyExc::ValueError(
            "cannot convert float NaN to integer".to_string(),
        ));
    }
    if x.is_infinite() {
        return Err(PyExc::OverflowError(
            "cannot convert float infinity to integer".to_string(),
        ));
    }
    let (mantissa, exp) = decompose(x);
    let magnitude = if exp >= 0 {
        BigInt::from(mantissa) << exp as usize
    } else {
        BigInt::from(mantissa.checked_shr(exp.unsigned_abs() as u32).unwrap_or(0))
    };
    Ok(if x < 0.0 { -magnitude } else { magnitude })
}

/// `round(x)` for a float (no `ndigits`): the nearest int, ties to even.
///
/// Errors: as [`float_to_int`].
pub fn float_round_to_int(x: f64) -> Result<BigInt, PyExc> {
    float_to_int(x.round_ties_even())
}

/// Splits a finite `x` into `|x| == mantissa * 2**exp` with an integer mantissa.
fn decompose(x: f64) -> (u64, i64) {
    let bits = x.abs().to_bits();
    let biased = ((bits >> 52) & 0x7ff) as i64;
    let fraction = bits & ((1u64 << 52) - 1);
    if biased == 0 {
        (fraction, -1074)
    } else {
        (fraction | (1u64 << 52), biased - 1075)
    }
}

/// `hash(x)` for a float, as `_Py_HashDouble` on 64-bit CPython: integral values hash like the
/// equal int, `hash(inf) == 314159`. `None` for a NaN, whose hash CPython 3.11 takes from the
/// object's address (so it cannot be reproduced).
pub fn float_hash(x: f64) -> Option<i64> {
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    if x.is_nan() {
        return None;
    }
    if x.is_infinite() {
        return Some(if x > 0.0 { 314159 } else { -314159 });
    }
    let (mut m, mut e) = frexp(x);
    let mut sign: i64 = 1;
    if m < 0.0 {
        sign = -1;
        m = -m;
    }
    let mut h: u64 = 0;
    while m != 0.0 {
        h = ((h << 28) & MODULUS) | (h >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        h += y;
        if h >= MODULUS {
            h -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    } as u32;
    h = ((h << e) & MODULUS) | (h >> (BITS - e));
    let mut signed = (h as i64).wrapping_mul(sign);
    if signed == -1 {
        signed = -2;
    }
    Some(signed)
}

/// C's `frexp`: `x == m * 2**e` with `0.5 <= |m| < 1` (or `m == 0`).
fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 {
        return (x, 0);
    }
    let (mantissa, exp) = decompose(x);
    let shift = 64 - mantissa.leading_zeros() as i64; // bit length of the mantissa
    let m = mantissa as f64 / 2f64.powi(shift as i32);
    let m = if x < 0.0 { -m } else { m };
    (m, (exp + shift) as i32)
}

/// `float(v)` for an int: correctly rounded, half to even.
///
/// Errors: `OverflowError("int too large to convert to float")`.
pub fn int_to_float(v: &BigInt) -> Result<f64, PyExc> {
    let magnitude = v.magnitude();
    let bits = magnitude.bits();
    let value = if bits <= 64 {
        magnitude.to_u64().map_or(f64::INFINITY, |u| u as f64)
    } else {
        // Keep the top 64 bits plus a sticky bit for everything below them: rounding to 53 bits
        // then sees the same halfway comparison as on the full value.
        let shift = bits - 64;
        let top = (magnitude >> shift as usize).to_u64().unwrap_or(u64::MAX);
        let sticky = magnitude.trailing_zeros().is_some_and(|tz| tz < shift);
        let top = top | u64::from(sticky);
        if shift > 1023 {
            f64::INFINITY
        } else {
            top as f64 * 2f64.powi(shift as i32)
        }
    };
    if value.is_infinite() {
        return Err(PyExc::OverflowError(
            "int too large to convert to float".to_string(),
        ));
    }
    Ok(if v.sign() == Sign::Minus {
        -value
    } else {
        value
    })
}
