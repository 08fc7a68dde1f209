//! Arithmetic on `int` (i64 fast path, big integers on overflow), `float` and `bool`, with
//! Python's semantics: floor division and modulo round toward negative infinity, true division
//! of ints gives a float, `**` with a negative exponent gives a float, and the error messages are
//! CPython's.

use num_bigint::BigInt;
use num_integer::Integer;
use num_traits::{Signed, ToPrimitive, Zero};

use crate::syntax::ast::BinOp;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// A numeric operand, widened: bools and ints are `Int`, floats `Float`.
pub enum Num {
    Int(i64),
    Big(BigInt),
    Float(f64),
}

pub fn as_num(v: &Value) -> Option<Num> {
    match v {
        Value::Int(i) => Some(Num::Int(*i)),
        Value::Bool(b) => Some(Num::Int(b.get() as i64)),
        Value::BigInt(b) => Some(Num::Big((**b).clone())),
        Value::Float(f) => Some(Num::Float(f.get())),
        _ => None,
    }
}

pub fn to_big(v: &Value) -> Option<BigInt> {
    match v {
        Value::Int(i) => Some(BigInt::from(*i)),
        Value::Bool(b) => Some(BigInt::from(b.get() as i64)),
        Value::BigInt(b) => Some((**b).clone()),
        _ => None,
    }
}

/// Converts an int to float as CPython does (correctly rounded; OverflowError when too big).
pub fn big_to_f64(vm: &Vm, b: &BigInt) -> PyResult<f64> {
    match b.to_f64() {
        Some(f) if f.is_finite() => Ok(f),
        _ => Err(vm.overflow_error("int too large to convert to float")),
    }
}

fn num_to_f64(vm: &Vm, n: &Num) -> PyResult<f64> {
    match n {
        Num::Int(i) => Ok(*i as f64),
        Num::Big(b) => big_to_f64(vm, b),
        Num::Float(f) => Ok(*f),
    }
}

/// Python's float floor division and modulo (`float_divmod` in CPython).
pub fn float_divmod(vx: f64, wx: f64) -> (f64, f64) {
    let mut m = vx % wx;
    let mut div = (vx - m) / wx;
    if m != 0.0 {
        if (wx < 0.0) != (m < 0.0) {
            m += wx;
            div -= 1.0;
        }
    } else {
        m = 0.0f64.copysign(wx);
    }
    let floordiv = if div != 0.0 {
        let mut f = div.floor();
        if div - f > 0.5 {
            f += 1.0;
        }
        f
    } else {
        0.0f64.copysign(vx / wx)
    };
    (floordiv, m)
}

/// Arithmetic on two numbers; `None` when the operator doesn't apply (e.g. `<<` on floats).
pub fn arith(vm: &Vm, op: BinOp, a: Num, b: Num) -> Option<PyResult<Value>> {
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => int_op(vm, op, x, y),
        (Num::Float(x), y) => {
            let y = match num_to_f64(vm, &y) {
                Ok(y) => y,
                Err(e) => return Some(Err(e)),
            };
            float_op(vm, op, x, y)
        }
        (x, Num::Float(y)) => {
            let x = match num_to_f64(vm, &x) {
                Ok(x) => x,
                Err(e) => return Some(Err(e)),
            };
            float_op(vm, op, x, y)
        }
        (x, y) => {
            let x = match x {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!(),
            };
            let y = match y {
                Num::Int(i) => BigInt::from(i),
                Num::Big(b) => b,
                Num::Float(_) => unreachable!(),
            };
            big_op(vm, op, &x, &y)
        }
    }
}

pub fn int_op(vm: &Vm, op: BinOp, x: i64, y: i64) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => x.checked_add(y).map(Value::Int),
        BinOp::Sub => x.checked_sub(y).map(Value::Int),
        BinOp::Mult => x.checked_mul(y).map(Value::Int),
        BinOp::Div => {
            if y == 0 {
                return Some(Err(vm.zero_division("division by zero")));
            }
            if x.unsigned_abs() < (1 << 53) && y.unsigned_abs() < (1 << 53) {
                return Some(Ok(Value::float(x as f64 / y as f64)));
            }
            return big_op(vm, op, &BigInt::from(x), &BigInt::from(y));
        }
        BinOp::FloorDiv => {
            if y == 0 {
                return Some(Err(vm.zero_division("integer division or modulo by zero")));
            }
            x.checked_div_euclid(y)
                .map(|_| Value::Int(Integer::div_floor(&x, &y)))
        }
        BinOp::Mod => {
            if y == 0 {
                return Some(Err(vm.zero_division("integer modulo by zero")));
            }
            if y == -1 {
                Some(Value::Int(0))
            } else {
                Some(Value::Int(x.mod_floor(&y)))
            }
        }
        BinOp::Pow => {
            if y < 0 {
                if x == 0 {
                    return Some(Err(
                        vm.zero_division("0.0 cannot be raised to a negative power")
                    ));
                }
                return Some(float_pow(vm, x as f64, y as f64));
            }
            match u32::try_from(y) {
                Ok(e) => x.checked_pow(e).map(Value::Int),
                Err(_) => None,
            }
        }
        BinOp::LShift => {
            if y < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            if x == 0 {
                Some(Value::Int(0))
            } else if y < 63 && (x.unsigned_abs() >> (63 - y)) == 0 {
                Some(Value::Int(x << y))
            } else {
                None
            }
        }
        BinOp::RShift => {
            if y < 0 {
                return Some(Err(vm.value_error("negative shift count")));
            }
            Some(Value::Int(if y >= 64 {
                if x < 0 {
                    -1
                } else {
                    0
                }
            } else {
                x >> y
            }))
        }
        BinOp::BitAnd => Some(Value::Int(x & y)),
        BinOp::BitOr => Some(Value::Int(x | y)),
        BinOp::BitXor => Some(Value::Int(x ^ y)),
        BinOp::MatMult => return None,
    };
    match r {
        Some(v) => Some(Ok(v)),
        None => big_op(vm, op, &BigInt::from(x), &BigInt::from(y)),
    }
}

pub fn big_op(vm: &Vm, op: BinOp, x: &BigInt, y: &BigInt) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => Value::from_bigint(x + y),
        BinOp::Sub => Value::from_bigint(x - y),
        BinOp::Mult => Value::from_bigint(x * y),
        BinOp::Div => {
            if y.is_zero() {
                return Some(Err(vm.zero_division("division by zero")));
            }
            return Some(big_true_div(vm, x, y));
        }
        BinOp::FloorDiv => {
            if y.is_zero() {
                return Some(Err(vm.zero_division("integer division or modulo by zero")));
            }
            Value::from_bigint(x.div_floor(y))
        }
        BinOp::Mod => {
            if y.is_zero() {
                return Some(Err(vm.zero_division("integer modulo by zero")));
            }
            Value::from_bigint(x.mod_floor(y))
        }
        BinOp::Pow => {
            if y.is_negative() {
                if x.is_zero() {
                    return Some(Err(
                        vm.zero_division("0.0 cannot be raised to a negative power")
                    ));
                }
                let xf = match big_to_f64(vm, x) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                let yf = match big_to_f64(vm, y) {
                    Ok(f) => f,
                    Err(e) => return Some(Err(e)),
                };
                return Some(float_pow(vm, xf, yf));
            }
            match y.to_u32() {
                Some(e) => {
                    if x.bits() * e as u64 > 64_000_000 {
                        return Some(Err(vm.memory_error()));
                    }
                    Value::from_bigint(num_traits::pow(x.clone(), e as usize))
                }
                None => {
                    if x.is_zero() || x == &BigInt::from(1) {
                        Value::from_bigint(x.clone())
                    } else if x == &BigInt::from(-1) {
                        Value::Int(if y.is_even() { 1 } else { -1 })
                    } else {
                        return Some(Err(vm.memory_error()));
                    }
                }
            }
        }
        BinOp::LShift => {
            if y.is_negative() {
                return Some(Err(vm.value_error("negative shift count")));
            }
            match y.to_usize() {
                Some(s) if s < 1 << 26 => Value::from_bigint(x << s),
                _ => {
                    if x.is_zero() {
                        Value::Int(0)
                    } else {
                        return Some(Err(vm.overflow_error("too many digits in integer")));
                    }
                }
            }
        }
        BinOp::RShift => {
            if y.is_negative() {
                return Some(Err(vm.value_error("negative shift count")));
            }
            match y.to_usize() {
                Some(s) => {
                    // Python's >> floors for negatives.
                    let r = if x.is_negative() {
                        -((-x - 1u32) >> s) - 1u32
                    } else {
                        x >> s
                    };
                    Value::from_bigint(r)
                }
                None => Value::Int(if x.is_negative() { -1 } else { 0 }),
            }
        }
        BinOp::BitAnd => Value::from_bigint(x & y),
        BinOp::BitOr => Value::from_bigint(x | y),
        BinOp::BitXor => Value::from_bigint(x ^ y),
        BinOp::MatMult => return None,
    };
    Some(Ok(r))
}

/// Correctly rounded int / int (CPython's `long_true_divide` gives the nearest float).
fn big_true_div(vm: &Vm, x: &BigInt, y: &BigInt) -> PyResult<Value> {
    if let (Some(a), Some(b)) = (x.to_f64(), y.to_f64()) {
        if a.abs() < 9.007199254740992e15 && b.abs() < 9.007199254740992e15 {
            return Ok(Value::float(a / b));
        }
    }
    // Scale so the quotient has 64+ significant bits, then let the float conversion round.
    let neg = x.is_negative() != y.is_negative();
    let (xa, ya) = (x.abs(), y.abs());
    let shift = 70i64 - (xa.bits() as i64 - ya.bits() as i64);
    let (num, den) = if shift >= 0 {
        (xa << shift as usize, ya)
    } else {
        (xa, ya << (-shift) as usize)
    };
    let (q, r) = num.div_rem(&den);
    // Sticky bit for correct rounding.
    let q = if r.is_zero() {
        q
    } else {
        (q << 1u32) | BigInt::from(1)
    };
    let extra = if r.is_zero() { 0 } else { 1 };
    let qf = q.to_f64().unwrap_or(f64::INFINITY);
    let exp = -(shift as i32) - extra;
    let result = if exp < -1074 - 64 {
        0.0
    } else {
        qf * 2f64.powi(exp.max(-1022)) * 2f64.powi((exp - exp.max(-1022)).max(-200))
    };
    if result.is_infinite() {
        return Err(vm.overflow_error("integer division result too large for a float"));
    }
    Ok(Value::float(if neg { -result } else { result }))
}

pub fn float_op(vm: &Vm, op: BinOp, x: f64, y: f64) -> Option<PyResult<Value>> {
    let r = match op {
        BinOp::Add => x + y,
        BinOp::Sub => x - y,
        BinOp::Mult => x * y,
        BinOp::Div => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float division by zero")));
            }
            x / y
        }
        BinOp::FloorDiv => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float floor division by zero")));
            }
            float_divmod(x, y).0
        }
        BinOp::Mod => {
            if y == 0.0 {
                return Some(Err(vm.zero_division("float modulo")));
            }
            float_divmod(x, y).1
        }
        BinOp::Pow => return Some(float_pow(vm, x, y)),
        _ => return None,
    };
    Some(Ok(Value::float(r)))
}

/// Is `y` an odd integer (as a float)?
fn is_odd_integer(y: f64) -> bool {
    y.is_finite() && (y % 2.0).abs() == 1.0
}

/// `x ** y` for floats, CPython's `float_pow`: the special values are decided here, not by
/// libm; a negative base with a fractional exponent gives a complex, as in CPython.
pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    let ok = |r: f64| Ok(Value::float(r));
    if y == 0.0 {
        return ok(1.0);
    }
    if x.is_nan() {
        return ok(x);
    }
    if y.is_nan() {
        return ok(if x == 1.0 { 1.0 } else { y });
    }
    if y.is_infinite() {
        let ax = x.abs();
        return ok(if ax == 1.0 {
            1.0
        } else if (y > 0.0) == (ax > 1.0) {
            y.abs()
        } else {
            0.0
        });
    }
    if x.is_infinite() {
        let odd = is_odd_integer(y);
        return ok(if y > 0.0 {
            if odd {
                x
            } else {
                x.abs()
            }
        } else if odd {
            0.0f64.copysign(x)
        } else {
            0.0
        });
    }
    if x == 0.0 {
        if y < 0.0 {
            return Err(vm.zero_division("0.0 cannot be raised to a negative power"));
        }
        return ok(if is_odd_integer(y) { x } else { 0.0 });
    }
    let mut base = x;
    let mut negate = false;
    if x < 0.0 {
        if y != y.floor() {
            // A negative number raised to a fractional power is complex.
            return super::complex::float_pow(vm, x, y);
        }
        base = -x;
        negate = is_odd_integer(y);
    }
    if base == 1.0 {
        return ok(if negate { -1.0 } else { 1.0 });
    }
    let r = base.powf(y);
    if r.is_infinite() {
        return Err(vm.overflow_error("(34, 'Numerical result out of range')"));
    }
    ok(if negate { -r } else { r })
}

/// `divmod(a, b)` for numbers (`None` when either is not a number).
pub fn divmod(vm: &Vm, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    let (x, y) = (as_num(a)?, as_num(b)?);
    let pair = |q: PyResult<Value>, r: PyResult<Value>| -> PyResult<Value> {
        Ok(Value::tuple(vec![q?, r?]))
    };
    match (&x, &y) {
        (Num::Float(_), _) | (_, Num::Float(_)) => {
            let xf = match num_to_f64(vm, &x) {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            };
            let yf = match num_to_f64(vm, &y) {
                Ok(v) => v,
                Err(e) => return Some(Err(e)),
            };
            if yf == 0.0 {
                return Some(Err(vm.zero_division("float divmod()")));
            }
            let (q, r) = float_divmod(xf, yf);
            Some(Ok(Value::tuple(vec![Value::float(q), Value::float(r)])))
        }
        _ => {
            let (xb, yb) = (to_big(a)?, to_big(b)?);
            if yb.is_zero() {
                return Some(Err(vm.zero_division("integer division or modulo by zero")));
            }
            let (q, r) = xb.div_mod_floor(&yb);
            Some(pair(Ok(Value::from_bigint(q)), Ok(Value::from_bigint(r))))
        }
    }
}

/// The int value of an int, bool or int-subclass instance.
pub fn to_big_unboxed(v: &Value) -> Option<BigInt> {
    match v {
        Value::Instance(i) => match &i.payload {
            crate::vm::object::Payload::Boxed(b) => to_big(&b.borrow()),
            _ => None,
        },
        _ => to_big(v),
    }
}

/// `pow(base, exp, mod)`.
pub fn pow3(vm: &mut Vm, a: &Value, b: &Value, m: &Value) -> PyResult<Value> {
    match (to_big_unboxed(a), to_big_unboxed(b), to_big_unboxed(m)) {
        (Some(a), Some(b), Some(m)) => pow_mod(vm, &a, &b, &m),
        _ => {
            if let Value::Instance(_) = a {
                if let Some(f) = vm.lookup_special(a, crate::vm::symbol::intern("__pow__")) {
                    let r = vm.call_bound(f, a.clone(), &[b.clone(), m.clone()])?;
                    if !matches!(r, Value::NotImplemented) {
                        return Ok(r);
                    }
                }
            }
            if let Some(e) = super::complex::pow3_error(vm, a, b, m) {
                return Err(e);
            }
            if as_num(a).is_some() && as_num(b).is_some() && as_num(m).is_some() {
                return Err(vm.type_error(
                    "pow() 3rd argument not allowed unless all arguments are integers",
                ));
            }
            Err(vm.type_error(format!(
                "unsupported operand type(s) for ** or pow(): '{}', '{}', '{}'",
                vm.type_name(a),
                vm.type_name(b),
                vm.type_name(m)
            )))
        }
    }
}

/// Three-argument `pow(base, exp, mod)` on ints; a negative exponent needs an inverse.
pub fn pow_mod(vm: &Vm, base: &BigInt, exp: &BigInt, m: &BigInt) -> PyResult<Value> {
    if m.is_zero() {
        return Err(vm.value_error("pow() 3rd argument cannot be 0"));
    }
    let modulus = m.abs();
    let mut base = base.mod_floor(&modulus);
    let mut exp = exp.clone();
    if exp.is_negative() {
        // The inverse of base modulo |m|, by the extended Euclidean algorithm.
        let (mut old_r, mut r) = (base.clone(), modulus.clone());
        let (mut old_s, mut s) = (BigInt::from(1), BigInt::zero());
        while !r.is_zero() {
            let q = old_r.div_floor(&r);
            let nr = &old_r - &q * &r;
            old_r = std::mem::replace(&mut r, nr);
            let ns = &old_s - &q * &s;
            old_s = std::mem::replace(&mut s, ns);
        }
        if old_r != BigInt::from(1) {
            return Err(vm.value_error("base is not invertible for the given modulus"));
        }
        base = old_s.mod_floor(&modulus);
        exp = -exp;
    }
    let mut r = base.modpow(&exp, &modulus);
    if m.is_negative() && !r.is_zero() {
        r += m;
    }
    Ok(Value::from_bigint(r))
}

/// CPython's `hash(int)`: the value modulo 2**61 - 1, with -1 mapped to -2.
pub fn hash_int(i: i64) -> i64 {
    const MODULUS: i128 = (1 << 61) - 1;
    let v = i as i128;
    let r = if v >= 0 {
        (v % MODULUS) as i64
    } else {
        -(((-v) % MODULUS) as i64)
    };
    if r == -1 {
        -2
    } else {
        r
    }
}

pub fn hash_bigint(b: &BigInt) -> i64 {
    let modulus = BigInt::from((1i64 << 61) - 1);
    let r = b.abs() % &modulus;
    let mut r = r.to_i64().unwrap_or(0);
    if b.is_negative() {
        r = -r;
    }
    if r == -1 {
        -2
    } else {
        r
    }
}

/// CPython's `hash(float)`: integral floats hash like the int; others by the same modulus.
pub fn hash_float(f: f64) -> i64 {
    if f.is_nan() {
        return 0;
    }
    if f.is_infinite() {
        return if f > 0.0 { 314159 } else { -314159 };
    }
    if f.fract() == 0.0 && f.abs() < 9.2e18 {
        return hash_int(f as i64);
    }
    const BITS: u32 = 61;
    const MODULUS: u64 = (1u64 << BITS) - 1;
    let (mut m, mut e) = frexp(f.abs());
    let sign: i64 = if f < 0.0 { -1 } else { 1 };
    let mut x: u64 = 0;
    while m != 0.0 {
        x = ((x << 28) & MODULUS) | (x >> (BITS - 28));
        m *= 268435456.0;
        e -= 28;
        let y = m as u64;
        m -= y as f64;
        x += y;
        if x >= MODULUS {
            x -= MODULUS;
        }
    }
    let e = if e >= 0 {
        e % BITS as i32
    } else {
        BITS as i32 - 1 - ((-1 - e) % BITS as i32)
    };
    x = ((x << e) & MODULUS) | (x >> (BITS as i32 - e));
    let mut r = x as i64 * sign;
    if r == -1 {
        r = -2;
    }
    r
}

pub fn frexp(x: f64) -> (f64, i32) {
    if x == 0.0 || !x.is_finite() {
        return (x, 0);
    }
    let bits = x.to_bits();
    let exp = ((bits >> 52) & 0x7ff) as i32;
    if exp == 0 {
        let (m, e) = frexp(x * 2f64.powi(54));
        return (m, e - 54);
    }
    let m = f64::from_bits((bits & !(0x7ffu64 << 52)) | (1022u64 << 52));
    (m, exp - 1022)
}

/// Exact comparison of numbers of any kind: `Some(ordering)`, `None` when a NaN is involved.
pub fn compare_nums(a: &Num, b: &Num) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    match (a, b) {
        (Num::Int(x), Num::Int(y)) => Some(x.cmp(y)),
        (Num::Float(x), Num::Float(y)) => x.partial_cmp(y),
        (Num::Int(x), Num::Float(y)) => compare_int_float(&BigInt::from(*x), *y),
        (Num::Float(x), Num::Int(y)) => {
            compare_int_float(&BigInt::from(*y), *x).map(Ordering::reverse)
        }
        (Num::Big(x), Num::Float(y)) => compare_int_float(x, *y),
        (Num::Float(x), Num::Big(y)) => compare_int_float(y, *x).map(Ordering::reverse),
        (Num::Big(x), Num::Big(y)) => Some(x.cmp(y)),
        (Num::Big(x), Num::Int(y)) => Some(x.cmp(&BigInt::from(*y))),
        (Num::Int(x), Num::Big(y)) => Some(BigInt::from(*x).cmp(y)),
    }
}

fn compare_int_float(i: &BigInt, f: f64) -> Option<std::cmp::Ordering> {
    use std::cmp::Ordering;
    if f.is_nan() {
        return None;
    }
    if f.is_infinite() {
        return Some(if f > 0.0 {
            Ordering::Less
        } else {
            Ordering::Greater
        });
    }
    let fl = f.floor();
    let fb = num_bigint::BigInt::from(fl as i128);
    let fb = if fl.abs() < 1.7e38 {
        fb
    } else {
        use num_traits::FromPrimitive;
        BigInt::from_f64(fl).unwrap_or_default()
    };
    match i.cmp(&fb) {
        Ordering::Equal => {
            if f > fl {
                Some(Ordering::Less)
            } else {
                Some(Ordering::Equal)
            }
        }
        o => Some(o),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_match_cpython() {
        assert_eq!(hash_int(-1), -2);
        assert_eq!(hash_int(2305843009213693951), 0);
        assert_eq!(hash_float(1.5), 1152921504606846977);
        assert_eq!(hash_float(-2.5), -1152921504606846978);
        assert_eq!(hash_float(0.1), 230584300921369408);
    }

    #[test]
    fn float_divmod_signs() {
        assert_eq!(float_divmod(7.0, -2.0), (-4.0, -1.0));
        assert_eq!(float_divmod(-7.5, 2.0), (-4.0, 0.5));
    }
}
