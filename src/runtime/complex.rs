//! The `complex` type, as CPython 3.11's Objects/complexobject.c: `+ - * / **` with ints and
//! floats on either side (the other operand is widened to a complex first, so `(inf+0j) * 2` is
//! `(inf+nanj)` as in CPython), Smith's division, `**` with the small-integer fast path, `==`
//! against ints (exactly), floats and complexes, the hash, `abs()`, the constructor (numbers,
//! `__complex__`, strings) and the methods. Text forms are in `numfmt` (`complex_repr`,
//! `format_complex`, `parse_complex`).

use crate::compile::code::CompareKind;
use crate::syntax::ast::BinOp;
use crate::vm::object::{Args, BuiltinFn, Payload};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// The value of a `complex`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Complex {
    pub re: f64,
    pub im: f64,
}

const ONE: Complex = Complex { re: 1.0, im: 0.0 };

/// Division by zero: what `_Py_c_quot` and `_Py_c_pow` report by setting `errno = EDOM`.
struct Domain;

impl Complex {
    fn new(re: f64, im: f64) -> Complex {
        Complex { re, im }
    }

    fn sum(self, b: Complex) -> Complex {
        Complex::new(self.re + b.re, self.im + b.im)
    }

    fn diff(self, b: Complex) -> Complex {
        Complex::new(self.re - b.re, self.im - b.im)
    }

    /// `_Py_c_prod`: the textbook formula, with no special-casing of zero parts.
    fn prod(self, b: Complex) -> Complex {
        Complex::new(
            self.re * b.re - self.im * b.im,
            self.re * b.im + self.im * b.re,
        )
    }

    /// `_Py_c_quot`: Smith's algorithm, dividing through by the larger part of `b`.
    fn quot(self, b: Complex) -> Result<Complex, Domain> {
        let (a, abs_re, abs_im) = (self, b.re.abs(), b.im.abs());
        if abs_re >= abs_im {
            if abs_re == 0.0 {
                return Err(Domain);
            }
            let ratio = b.im / b.re;
            let denom = b.re + b.im * ratio;
            Ok(Complex::new(
                (a.re + a.im * ratio) / denom,
                (a.im - a.re * ratio) / denom,
            ))
        } else if abs_im >= abs_re {
            let ratio = b.re / b.im;
            let denom = b.re * ratio + b.im;
            Ok(Complex::new(
                (a.re * ratio + a.im) / denom,
                (a.im * ratio - a.re) / denom,
            ))
        } else {
            // A part of `b` is a NaN.
            Ok(Complex::new(f64::NAN, f64::NAN))
        }
    }

    /// `c_powu`: repeated squaring, for `0 <= n <= 100`.
    fn powu(self, n: u32) -> Complex {
        let mut r = ONE;
        let mut p = self;
        let mut mask = 1u32;
        while mask <= n {
            if n & mask != 0 {
                r = r.prod(p);
            }
            mask <<= 1;
            p = p.prod(p);
        }
        r
    }

    /// `c_powi`: an integer power, `|n| <= 100`.
    fn powi(self, n: i32) -> Result<Complex, Domain> {
        if n > 0 {
            Ok(self.powu(n.unsigned_abs()))
        } else {
            ONE.quot(self.powu(n.unsigned_abs()))
        }
    }

    /// `_Py_c_pow`: through polar form. libm's `cos`/`sin` of an infinite phase set `EDOM`,
    /// which CPython then reports as a zero division, so that case is one too.
    fn pow(self, b: Complex) -> Result<Complex, Domain> {
        let a = self;
        if b.re == 0.0 && b.im == 0.0 {
            return Ok(ONE);
        }
        if a.re == 0.0 && a.im == 0.0 {
            if b.im != 0.0 || b.re < 0.0 {
                return Err(Domain);
            }
            return Ok(Complex::new(0.0, 0.0));
        }
        let vabs = a.re.hypot(a.im);
        let mut len = vabs.powf(b.re);
        let at = a.im.atan2(a.re);
        let mut phase = at * b.re;
        if b.im != 0.0 {
            len /= (at * b.im).exp();
            phase += b.im * vabs.ln();
        }
        if phase.is_infinite() {
            return Err(Domain);
        }
        Ok(Complex::new(len * phase.cos(), len * phase.sin()))
    }
}

/// The complex inside a `complex` or an instance of a subclass of it.
pub fn as_complex(v: &Value) -> Option<Complex> {
    match v {
        Value::Complex(z) => Some(**z),
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => match &*b.borrow() {
                Value::Complex(z) => Some(**z),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// `TO_COMPLEX`: an operand of a complex operation widened to a complex; `None` for a type the
/// operation does not take (NotImplemented), an error for an int too large for a float.
fn operand(vm: &Vm, v: &Value) -> Option<PyResult<Complex>> {
    let re = match v {
        Value::Complex(z) => return Some(Ok(**z)),
        Value::Float(f) => f.get(),
        Value::Int(i) => *i as f64,
        Value::Bool(b) => f64::from(u8::from(b.get())),
        Value::BigInt(b) => match super::num::big_to_f64(vm, b) {
            Ok(f) => f,
            Err(e) => return Some(Err(e)),
        },
        _ => return None,
    };
    Some(Ok(Complex::new(re, 0.0)))
}

/// `a op b` where either operand is a complex (plain values, not instances); `None` means
/// NotImplemented: complex has no `//`, `%`, shifts or bitwise operators.
pub fn arith(vm: &Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    if !matches!(
        op,
        BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::Div | BinOp::Pow
    ) {
        return None;
    }
    let x = match operand(vm, a)? {
        Ok(x) => x,
        Err(e) => return Some(Err(e)),
    };
    let y = match operand(vm, b)? {
        Ok(y) => y,
        Err(e) => return Some(Err(e)),
    };
    let r = match op {
        BinOp::Add => x.sum(y),
        BinOp::Sub => x.diff(y),
        BinOp::Mult => x.prod(y),
        BinOp::Div => match x.quot(y) {
            Ok(r) => r,
            Err(Domain) => return Some(Err(vm.zero_division("complex division by zero"))),
        },
        _ => return Some(pow(vm, x, y)),
    };
    Some(Ok(Value::complex(r.re, r.im)))
}

/// `pow(a, b, m)` when a complex is involved: CPython tries each operand type's `**` in turn,
/// so a float base or exponent refuses the modulus first; then complex's, which widens `a` and
/// `b` and refuses any modulus. `None` when complex is not involved or cannot take `a` and `b`.
pub fn pow3_error(vm: &Vm, a: &Value, b: &Value, m: &Value) -> Option<crate::vm::PyErr> {
    let involved = [a, b, m].iter().any(|v| matches!(v, Value::Complex(_)));
    if !involved {
        return None;
    }
    let (x, y) = (operand(vm, a)?, operand(vm, b)?);
    let real = |v: &Value| !matches!(v, Value::Complex(_));
    if real(a) && real(b) && (matches!(a, Value::Float(_)) || matches!(b, Value::Float(_))) {
        return Some(
            vm.type_error("pow() 3rd argument not allowed unless all arguments are integers"),
        );
    }
    if let Err(e) = x.and(y) {
        return Some(e);
    }
    Some(vm.value_error("complex modulo"))
}

/// `complex_pow` (two arguments): an exponent that is a small integer takes the exact
/// repeated-multiplication path, anything else the polar form.
pub fn pow(vm: &Vm, a: Complex, b: Complex) -> PyResult<Value> {
    let small_int = b.im == 0.0 && b.re == b.re.floor() && b.re.abs() <= 100.0;
    let r = if small_int {
        a.powi(b.re as i32)
    } else {
        a.pow(b)
    };
    match r {
        Err(Domain) => Err(vm.zero_division("0.0 to a negative or complex power")),
        Ok(r) if r.re.is_infinite() || r.im.is_infinite() => {
            Err(vm.overflow_error("complex exponentiation"))
        }
        Ok(r) => Ok(Value::complex(r.re, r.im)),
    }
}

/// A float `x ** y` that CPython's `float_pow` hands to complex: a negative base with a
/// non-integral exponent.
pub fn float_pow(vm: &Vm, x: f64, y: f64) -> PyResult<Value> {
    pow(vm, Complex::new(x, 0.0), Complex::new(y, 0.0))
}

/// `complex_richcompare` for plain values: `None` when neither operand is a complex (not this
/// module's business); `Some(None)` for NotImplemented (an ordering, or another type).
pub fn compare(kind: CompareKind, a: &Value, b: &Value) -> Option<Option<bool>> {
    let (z, other) = match (a, b) {
        (Value::Complex(z), other) | (other, Value::Complex(z)) => (**z, other),
        _ => return None,
    };
    if !matches!(kind, CompareKind::Eq | CompareKind::Ne) {
        return Some(None);
    }
    let equal = match other {
        Value::Complex(w) => z.re == w.re && z.im == w.im,
        Value::Float(f) => z.re == f.get() && z.im == 0.0,
        // Ints compare exactly (`complex(2**53) != 2**53 + 1`).
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            z.im == 0.0
                && super::num::as_num(other).is_some_and(|n| {
                    super::num::compare_nums(&super::num::Num::Float(z.re), &n)
                        == Some(std::cmp::Ordering::Equal)
                })
        }
        _ => return Some(None),
    };
    Some(Some(if kind == CompareKind::Eq {
        equal
    } else {
        !equal
    }))
}

/// `complex_hash`: `hash(re) + 1000003 * hash(im)` in wrapping unsigned arithmetic, so that a
/// complex with no imaginary part hashes like the equal float or int. A NaN part hashes by
/// identity (`addr`), as in CPython 3.11.
pub fn hash(z: Complex, addr: usize) -> i64 {
    let part = |x: f64| -> u64 {
        if x.is_nan() {
            (addr >> 4) as u64
        } else {
            super::num::hash_float(x) as u64
        }
    };
    let combined = part(z.re).wrapping_add(part(z.im).wrapping_mul(1000003)) as i64;
    if combined == -1 {
        -2
    } else {
        combined
    }
}

/// `abs(z)`: `hypot`, except that an infinite part wins over a NaN.
pub fn abs(vm: &Vm, z: Complex) -> PyResult<Value> {
    if z.re.is_infinite() || z.im.is_infinite() {
        let inf = if z.re.is_infinite() { z.re } else { z.im };
        return Ok(Value::float(inf.abs()));
    }
    if z.re.is_nan() || z.im.is_nan() {
        return Ok(Value::float(f64::NAN));
    }
    let r = z.re.hypot(z.im);
    if r.is_infinite() {
        return Err(vm.overflow_error("absolute value too large"));
    }
    Ok(Value::float(r))
}

// ----- the constructor ---------------------------------------------------------------------

/// A str (or str subclass instance) argument's text.
fn as_text(v: &Value) -> Option<String> {
    match v {
        Value::Str(s) => Some(s.as_str().to_string()),
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => match &*b.borrow() {
                Value::Str(s) => Some(s.as_str().to_string()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// Does `v`'s type have `nb_float` or `nb_index`, or is it a complex?
fn is_number(vm: &Vm, v: &Value) -> bool {
    match v {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_) => {
            true
        }
        Value::Instance(i) => {
            matches!(&i.payload, Payload::Boxed(b) if matches!(
                &*b.borrow(),
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_)
            )) || vm.lookup_special(v, intern("__float__")).is_some()
                || vm.lookup_special(v, intern("__index__")).is_some()
        }
        _ => false,
    }
}

/// `try_complex_special_method`: the result of a user-defined `__complex__`, if any.
fn complex_special(vm: &mut Vm, v: &Value) -> PyResult<Option<Complex>> {
    if !matches!(v, Value::Instance(_)) {
        return Ok(None);
    }
    let Some(r) = vm.call_special(v, intern("__complex__"), &[])? else {
        return Ok(None);
    };
    match as_complex(&r) {
        Some(z) => Ok(Some(z)),
        None => Err(vm.type_error(format!(
            "__complex__ returned non-complex (type {})",
            vm.type_name(&r)
        ))),
    }
}

/// `complex(real=0, imag=0)` (`complex_new_impl`), also for subclasses.
pub fn complex_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let cls = args.pos.first().cloned().unwrap_or(Value::None);
    let pos = args.pos.get(1..).unwrap_or(&[]);
    let given = pos.len() + args.kw.len();
    if given > 2 {
        return Err(vm.type_error(format!(
            "complex() takes at most 2 arguments ({given} given)"
        )));
    }
    const NAMES: [&str; 2] = ["real", "imag"];
    for (i, name) in NAMES.iter().enumerate().take(pos.len()) {
        if args.kw.iter().any(|(k, _)| k.as_str() == *name) {
            return Err(vm.type_error(format!(
                "argument for complex() given by name ('{name}') and position ({})",
                i + 1
            )));
        }
    }
    let mut slots = [pos.first().cloned(), pos.get(1).cloned()];
    for (k, v) in args.kw {
        match NAMES.iter().position(|n| *n == k.as_str()) {
            Some(i) => slots[i] = Some(v.clone()),
            None => {
                return Err(vm.type_error(format!(
                    "'{k}' is an invalid keyword argument for complex()"
                )))
            }
        }
    }
    let [real, imag] = slots;
    let real = real.unwrap_or(Value::Int(0));
    let exact = matches!(&cls, Value::Class(c) if std::rc::Rc::ptr_eq(c, &vm.types.complex));
    if let (Value::Complex(_), None, true) = (&real, &imag, exact) {
        return Ok(real);
    }
    let z = construct(vm, &real, imag.as_ref())?;
    let complex = vm.types.complex.clone();
    Ok(super::builtins::boxed_for(
        vm,
        &cls,
        Value::complex(z.re, z.im),
        &complex,
    ))
}

fn construct(vm: &mut Vm, real: &Value, imag: Option<&Value>) -> PyResult<Complex> {
    if let Some(text) = as_text(real) {
        if imag.is_some() {
            return Err(vm.type_error("complex() can't take second arg if first is a string"));
        }
        let (re, im) = super::numfmt::parse_complex(&text).map_err(|e| vm.value_error(e))?;
        return Ok(Complex::new(re, im));
    }
    if imag.is_some_and(|i| as_text(i).is_some()) {
        return Err(vm.type_error("complex() second arg can't be a string"));
    }
    let special = complex_special(vm, real)?;
    if special.is_none() && !is_number(vm, real) {
        return Err(vm.type_error(format!(
            "complex() first argument must be a string or a number, not '{}'",
            vm.type_name(real)
        )));
    }
    if let Some(i) = imag {
        if !is_number(vm, i) {
            return Err(vm.type_error(format!(
                "complex() second argument must be a number, not '{}'",
                vm.type_name(i)
            )));
        }
    }
    // Either argument may itself be complex: the result is `real + imag * 1j`.
    let (cr, cr_is_complex) = match special.or_else(|| as_complex(real)) {
        Some(z) => (z, true),
        None => (
            Complex::new(super::builtins::to_float(vm, real)?, 0.0),
            false,
        ),
    };
    let (mut re, mut im) = (cr.re, cr.im);
    match imag {
        None => {}
        Some(i) => {
            match as_complex(i) {
                Some(ci) => {
                    re -= ci.im;
                    im = ci.re;
                }
                None => im = super::builtins::to_float(vm, i)?,
            }
            if cr_is_complex {
                im += cr.im;
            }
        }
    }
    Ok(Complex::new(re, im))
}

// ----- methods -----------------------------------------------------------------------------

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("conjugate", complex_conjugate),
    ("__complex__", complex_complex),
    ("__getnewargs__", complex_getnewargs),
    ("__format__", complex_format),
];

/// The receiver of a `complex` method, checked, with the number of other arguments allowed.
fn receiver(vm: &Vm, args: &Args, name: &str, extra: usize) -> PyResult<Complex> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error(format!("unbound method complex.{name}() needs an argument")));
    };
    let Some(z) = as_complex(v) else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'complex' objects doesn't apply to a '{}' object",
            vm.type_name(v)
        )));
    };
    let conv = if extra == 0 {
        super::methargs::Conv::NoArgs
    } else {
        super::methargs::Conv::One
    };
    super::methargs::check(vm, args, "complex", name, conv, extra, extra)?;
    Ok(z)
}

fn complex_conjugate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "conjugate", 0)?;
    Ok(Value::complex(z.re, -z.im))
}

fn complex_complex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__complex__", 0)?;
    Ok(Value::complex(z.re, z.im))
}

fn complex_getnewargs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__getnewargs__", 0)?;
    Ok(Value::tuple(vec![Value::float(z.re), Value::float(z.im)]))
}

fn complex_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let z = receiver(vm, &args, "__format__", 1)?;
    let Value::Str(spec) = &args.pos[1] else {
        return Err(vm.type_error(format!(
            "__format__() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    let spec = spec.as_str().to_string();
    if spec.is_empty() {
        // `str(self)`, which for a subclass may be its own `__repr__`.
        let this = args.pos[0].clone();
        return Ok(Value::string(vm.to_str(&this)?));
    }
    Ok(Value::string(
        vm.format(&Value::complex(z.re, z.im), &spec)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn division_is_smiths() {
        let q = Complex::new(1.0, 2.0).quot(Complex::new(3.0, -4.0));
        assert_eq!(q.ok(), Some(Complex::new(-0.2, 0.4)));
        assert!(Complex::new(1.0, 0.0).quot(Complex::new(0.0, 0.0)).is_err());
    }

    #[test]
    fn integer_powers_multiply() {
        assert_eq!(
            Complex::new(1.0, 2.0).powi(3).ok(),
            Some(Complex::new(-11.0, -2.0))
        );
        assert!(Complex::new(0.0, 0.0).powi(-1).is_err());
        assert_eq!(Complex::new(5.0, 7.0).powi(0).ok(), Some(ONE));
    }

    #[test]
    fn hash_matches_cpython() {
        assert_eq!(hash(Complex::new(1.5, 2.0), 0), 1152921504608846983);
        assert_eq!(hash(Complex::new(-1.0, 0.0), 0), -2);
        assert_eq!(hash(Complex::new(-2.0, 1.0), 0), 1000001);
    }
}
