//! Operators and object protocols: binary/unary operators with CPython's dispatch order
//! (reflected operands, subclass priority, `NotImplemented`), rich comparison, truth, hashing,
//! `len`, `in`, subscripting and iteration. Builtin types take fast paths; instances go through
//! their dunder methods.

use std::rc::Rc;

use super::object::{NativeIter, Payload, Slice};
use super::symbol::{sym, Symbol};
use super::value::{ListRef, Value};
use super::{PyErr, PyResult, Vm};
use crate::compile::code::{CompareKind, UnaryKind};
use crate::runtime::iter::IterState;
use crate::runtime::num::{self, as_num};
use crate::syntax::ast::BinOp;

/// Int and float arithmetic without errors: the common case, tried before anything else.
#[inline(always)]
pub fn fast_binary(op: BinOp, a: &Value, b: &Value) -> Option<Value> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => match op {
            BinOp::Add => x.checked_add(*y).map(Value::Int),
            BinOp::Sub => x.checked_sub(*y).map(Value::Int),
            BinOp::Mult => x.checked_mul(*y).map(Value::Int),
            BinOp::Mod if *y > 0 => Some(Value::Int(x.rem_euclid(*y))),
            BinOp::FloorDiv if *y > 0 => Some(Value::Int(x.div_euclid(*y))),
            BinOp::BitAnd => Some(Value::Int(x & y)),
            BinOp::BitOr => Some(Value::Int(x | y)),
            BinOp::BitXor => Some(Value::Int(x ^ y)),
            // An arithmetic shift floors, as Python's `>>` does for negative ints too.
            BinOp::RShift if *y >= 0 => Some(Value::Int(x >> (*y).min(63))),
            BinOp::LShift if (0..63).contains(y) => {
                let shifted = x << y;
                (shifted >> y == *x).then_some(Value::Int(shifted))
            }
            _ => None,
        },
        (Value::Float(x), Value::Float(y)) => float_arith(op, x.get(), y.get()),
        (Value::Float(x), Value::Int(y)) => float_arith(op, x.get(), *y as f64),
        (Value::Int(x), Value::Float(y)) => float_arith(op, *x as f64, y.get()),
        _ => None,
    }
}

/// `+ - * /` on two floats (an int operand already converted), or None for the general path,
/// which raises ZeroDivisionError.
#[inline(always)]
fn float_arith(op: BinOp, x: f64, y: f64) -> Option<Value> {
    match op {
        BinOp::Add => Some(Value::float(x + y)),
        BinOp::Sub => Some(Value::float(x - y)),
        BinOp::Mult => Some(Value::float(x * y)),
        BinOp::Div if y != 0.0 => Some(Value::float(x / y)),
        _ => None,
    }
}

#[inline(always)]
pub fn fast_compare(kind: CompareKind, a: &Value, b: &Value) -> Option<bool> {
    match (a, b) {
        (Value::Int(x), Value::Int(y)) => Some(compare_ord(kind, x, y)),
        (Value::Float(x), Value::Float(y)) => Some(compare_ord(kind, &x.get(), &y.get())),
        // Exact when the int converts to a float without rounding (|i| <= 2**53); CPython's
        // general rule handles the rest.
        (Value::Float(x), Value::Int(i)) if i.unsigned_abs() <= 1 << 53 => {
            Some(compare_ord(kind, &x.get(), &(*i as f64)))
        }
        (Value::Int(i), Value::Float(y)) if i.unsigned_abs() <= 1 << 53 => {
            Some(compare_ord(kind, &(*i as f64), &y.get()))
        }
        (Value::Str(x), Value::Str(y)) => Some(compare_ord(kind, x.as_str(), y.as_str())),
        _ => None,
    }
}

/// `x <kind> y` with Rust's comparison (IEEE for floats: NaN compares false but `!=`).
#[inline(always)]
fn compare_ord<T: PartialOrd + ?Sized>(kind: CompareKind, x: &T, y: &T) -> bool {
    match kind {
        CompareKind::Eq => x == y,
        CompareKind::Ne => x != y,
        CompareKind::Lt => x < y,
        CompareKind::Le => x <= y,
        CompareKind::Gt => x > y,
        CompareKind::Ge => x >= y,
    }
}

fn dunder_for(op: BinOp) -> (Symbol, Symbol, Symbol) {
    match op {
        BinOp::Add => (sym::ADD, sym::RADD, sym::IADD),
        BinOp::Sub => (sym::SUB, sym::RSUB, sym::ISUB),
        BinOp::Mult => (sym::MUL, sym::RMUL, sym::IMUL),
        BinOp::MatMult => (sym::MATMUL, sym::RMATMUL, sym::IMATMUL),
        BinOp::Div => (sym::TRUEDIV, sym::RTRUEDIV, sym::ITRUEDIV),
        BinOp::FloorDiv => (sym::FLOORDIV, sym::RFLOORDIV, sym::IFLOORDIV),
        BinOp::Mod => (sym::MOD, sym::RMOD, sym::IMOD),
        BinOp::Pow => (sym::POW, sym::RPOW, sym::IPOW),
        BinOp::LShift => (sym::LSHIFT, sym::RLSHIFT, sym::ILSHIFT),
        BinOp::RShift => (sym::RSHIFT, sym::RRSHIFT, sym::IRSHIFT),
        BinOp::BitOr => (sym::OR, sym::ROR, sym::IOR),
        BinOp::BitXor => (sym::XOR, sym::RXOR, sym::IXOR),
        BinOp::BitAnd => (sym::AND, sym::RAND, sym::IAND),
    }
}

fn compare_dunders(kind: CompareKind) -> (Symbol, Symbol) {
    match kind {
        CompareKind::Eq => (sym::EQ, sym::EQ),
        CompareKind::Ne => (sym::NE, sym::NE),
        CompareKind::Lt => (sym::LT, sym::GT),
        CompareKind::Le => (sym::LE, sym::GE),
        CompareKind::Gt => (sym::GT, sym::LT),
        CompareKind::Ge => (sym::GE, sym::LE),
    }
}

fn compare_symbol(kind: CompareKind) -> &'static str {
    match kind {
        CompareKind::Eq => "==",
        CompareKind::Ne => "!=",
        CompareKind::Lt => "<",
        CompareKind::Le => "<=",
        CompareKind::Gt => ">",
        CompareKind::Ge => ">=",
    }
}

impl Vm {
    /// The builtin meaning of `a op b` for builtin types; `None` means NotImplemented.
    pub(crate) fn builtin_binary(
        &mut self,
        op: BinOp,
        a: &Value,
        b: &Value,
    ) -> Option<PyResult<Value>> {
        // Builtin operations accept instances of subclasses of builtin types (the value inside).
        if let Some((a, b)) = unbox_pair(a, b) {
            return self.builtin_binary(op, &a, &b);
        }
        if matches!(a, Value::Complex(_)) || matches!(b, Value::Complex(_)) {
            // Not taken by complex, `str % z` may still format it.
            if let Some(r) = crate::runtime::complex::arith(self, op, a, b) {
                return Some(r);
            }
        }
        if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            // bool & bool stays bool.
            if let (Value::Bool(p), Value::Bool(q)) = (a, b) {
                match op {
                    BinOp::BitAnd => return Some(Ok(Value::bool(p.get() & q.get()))),
                    BinOp::BitOr => return Some(Ok(Value::bool(p.get() | q.get()))),
                    BinOp::BitXor => return Some(Ok(Value::bool(p.get() ^ q.get()))),
                    _ => {}
                }
            }
            return num::arith(self, op, x, y);
        }
        crate::runtime::seq::sequence_binary(self, op, a, b)
    }

    pub fn binary_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        match self.binary_op_opt(op, a, b)? {
            Some(v) => Ok(v),
            None => Err(self.binary_op_error(op, a, b, "")),
        }
    }

    /// The TypeError for an unsupported `a op b`. As in CPython, sequences get their own
    /// messages: `+` falls back to the left operand's concatenation and `*` to repetition.
    fn binary_op_error(&self, op: BinOp, a: &Value, b: &Value, suffix: &str) -> PyErr {
        let seq_kind = |v: &Value| -> Option<&'static str> {
            let cls = self.class_of(v);
            let t = &self.types;
            [
                (&t.str, "str"),
                (&t.list, "list"),
                (&t.tuple, "tuple"),
                (&t.bytes, "bytes"),
            ]
            .into_iter()
            .find(|(c, _)| cls.is_subclass_of(c))
            .map(|(_, n)| n)
        };
        match op {
            BinOp::Add => match seq_kind(a) {
                Some("bytes") => {
                    return self.type_error(format!("can't concat {} to bytes", self.type_name(b)))
                }
                Some(kind) => {
                    return self.type_error(format!(
                        "can only concatenate {kind} (not \"{}\") to {kind}",
                        self.type_name(b)
                    ))
                }
                None => {}
            },
            BinOp::Mult => {
                let other = if seq_kind(a).is_some() {
                    Some(b)
                } else if seq_kind(b).is_some() {
                    Some(a)
                } else {
                    None
                };
                if let Some(Value::BigInt(_)) = other {
                    return self.repeat_count_overflow();
                }
                if let Some(other) = other {
                    return self.type_error(format!(
                        "can't multiply sequence by non-int of type '{}'",
                        self.type_name(other)
                    ));
                }
            }
            _ => {}
        }
        self.type_error(format!(
            "unsupported operand type(s) for {}{suffix}: '{}' and '{}'",
            if suffix.is_empty() {
                op.symbol()
            } else {
                op.symbol().trim_end_matches(" or pow()")
            },
            self.type_name(a),
            self.type_name(b)
        ))
    }

    /// CPython's `binary_op1`: try `a.__op__(b)`, then `b.__rop__(a)` (first when b's type is
    /// a proper subclass of a's that overrides it).
    pub fn binary_op_opt(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Option<Value>> {
        // The commonest case `fast_binary` leaves out (it is inlined in the run loop, where
        // one more case costs every instruction registers).
        if let (BinOp::Add, Value::Str(x), Value::Str(y)) = (op, a, b) {
            return Ok(Some(crate::runtime::str::concat(x, y)));
        }
        let a_inst = matches!(a, Value::Instance(_));
        let b_inst = matches!(b, Value::Instance(_));
        if !a_inst && !b_inst {
            return match self.builtin_binary(op, a, b) {
                Some(r) => r.map(Some),
                None => Ok(None),
            };
        }
        let (name, rname, _) = dunder_for(op);
        let ta = self.class_of(a);
        let tb = self.class_of(b);
        let same = Rc::ptr_eq(&ta, &tb);
        let a_meth = ta.lookup(name);
        let b_meth = if same { None } else { tb.lookup(rname) };
        let b_first = b_meth.is_some() && tb.is_subclass_of(&ta) && !same;
        if b_first {
            if let Some(m) = &b_meth {
                let r = self.call_bound(m.clone(), b.clone(), std::slice::from_ref(a))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        if let Some(m) = a_meth {
            let r = if a_inst {
                self.call_bound(m, a.clone(), std::slice::from_ref(b))?
            } else {
                match self.builtin_binary(op, a, b) {
                    Some(r) => r?,
                    None => Value::NotImplemented,
                }
            };
            if !matches!(r, Value::NotImplemented) {
                return Ok(Some(r));
            }
        } else if !a_inst || is_boxed(a) {
            // Builtin values, and subclasses of builtin types without their own method.
            if let Some(r) = self.builtin_binary(op, a, b) {
                return r.map(Some);
            }
        }
        if !b_first {
            if let Some(m) = b_meth {
                let r = if b_inst {
                    self.call_bound(m, b.clone(), std::slice::from_ref(a))?
                } else {
                    Value::NotImplemented
                };
                if !matches!(r, Value::NotImplemented) {
                    return Ok(Some(r));
                }
            }
        }
        Ok(None)
    }

    pub fn inplace_op(&mut self, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
        // Mutable builtins update in place: `lst += x` extends the same list.
        match (op, a) {
            (BinOp::Add, Value::List(l)) => {
                let items = self.collect(b)?;
                l.borrow_mut().extend(items);
                return Ok(a.clone());
            }
            (BinOp::Mult, Value::List(l)) => {
                if let Value::BigInt(_) = b {
                    return Err(self.repeat_count_overflow());
                }
                if let Some(n) = self.index_of(b)? {
                    let items = l.borrow().clone();
                    let out = crate::runtime::seq::list_repeat(self, &items, n)?;
                    *l.borrow_mut() = out;
                    return Ok(a.clone());
                }
            }
            (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, Value::Set(_))
                if matches!(b, Value::Set(_) | Value::FrozenSet(_)) =>
            {
                return crate::runtime::setops::inplace(self, op, a, b);
            }
            // `d |= x` takes anything `dict.update` takes.
            (BinOp::BitOr, Value::Dict(d)) if !matches!(b, Value::Instance(_)) => {
                let d = Value::Dict(d.clone());
                self.dict_update_from(&d, b, false)?;
                return Ok(a.clone());
            }
            _ => {}
        }
        if let Value::Instance(inst) = a {
            let (_, _, iname) = dunder_for(op);
            if let Some(m) = inst.class.lookup(iname) {
                let r = self.call_bound(m, a.clone(), std::slice::from_ref(b))?;
                if !matches!(r, Value::NotImplemented) {
                    return Ok(r);
                }
            }
        }
        match self.binary_op_opt(op, a, b)? {
            Some(v) => Ok(v),
            None => Err(self.binary_op_error(op, a, b, "=")),
        }
    }

    pub fn unary_op(&mut self, kind: UnaryKind, a: &Value) -> PyResult<Value> {
        match (kind, a) {
            (UnaryKind::Neg, Value::Int(i)) => Ok(match i.checked_neg() {
                Some(n) => Value::Int(n),
                None => Value::from_bigint(-num_bigint::BigInt::from(*i)),
            }),
            (UnaryKind::Neg, Value::Bool(b)) => Ok(Value::Int(-(b.get() as i64))),
            (UnaryKind::Neg, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone())),
            (UnaryKind::Neg, Value::Float(f)) => Ok(Value::float(-f.get())),
            (UnaryKind::Neg, Value::Complex(z)) => Ok(Value::complex(-z.re, -z.im)),
            (
                UnaryKind::Pos,
                Value::Int(_) | Value::BigInt(_) | Value::Float(_) | Value::Complex(_),
            ) => Ok(a.clone()),
            (UnaryKind::Pos, Value::Bool(b)) => Ok(Value::Int(b.get() as i64)),
            (UnaryKind::Invert, Value::Int(i)) => Ok(Value::Int(!i)),
            (UnaryKind::Invert, Value::Bool(b)) => Ok(Value::Int(!(b.get() as i64))),
            (UnaryKind::Invert, Value::BigInt(b)) => Ok(Value::from_bigint(-(**b).clone() - 1)),
            (UnaryKind::Not, v) => Ok(Value::bool(!self.truthy(v)?)),
            _ => {
                let (name, sym_) = match kind {
                    UnaryKind::Neg => (sym::NEG, "-"),
                    UnaryKind::Pos => (sym::POS, "+"),
                    UnaryKind::Invert => (sym::INVERT, "~"),
                    UnaryKind::Not => unreachable!(),
                };
                if let Value::Instance(inst) = a {
                    if let Some(r) = self.call_special(a, name, &[])? {
                        return Ok(r);
                    }
                    if let Payload::Boxed(inner) = &inst.payload {
                        let inner = inner.borrow().clone();
                        return self.unary_op(kind, &inner);
                    }
                }
                Err(self.type_error(format!(
                    "bad operand type for unary {}: '{}'",
                    sym_,
                    self.type_name(a)
                )))
            }
        }
    }

    /// Rich comparison returning the (possibly non-bool) result, with reflection.
    pub fn compare(&mut self, kind: CompareKind, a: &Value, b: &Value) -> PyResult<Value> {
        if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
            if let Some(r) = self.builtin_compare(kind, a, b)? {
                return Ok(Value::bool(r));
            }
        } else {
            let (name, rname) = compare_dunders(kind);
            let ta = self.class_of(a);
            let tb = self.class_of(b);
            let reflected_first = !Rc::ptr_eq(&ta, &tb) && tb.is_subclass_of(&ta);
            if reflected_first {
                if let Some(r) = self.try_compare_method(b, rname, a)? {
                    return Ok(r);
                }
            }
            if let Some(r) = self.try_compare_method(a, name, b)? {
                return Ok(r);
            }
            if !reflected_first {
                if let Some(r) = self.try_compare_method(b, rname, a)? {
                    return Ok(r);
                }
            }
            // Subclasses of builtin types compare as their values when no method decided.
            if let Some((x, y)) = unbox_pair(a, b) {
                if let Some(r) = self.builtin_compare(kind, &x, &y)? {
                    return Ok(Value::bool(r));
                }
            }
        }
        match kind {
            CompareKind::Eq => Ok(Value::bool(a.is(b))),
            CompareKind::Ne => Ok(Value::bool(!a.is(b))),
            _ => Err(self.type_error(format!(
                "'{}' not supported between instances of '{}' and '{}'",
                compare_symbol(kind),
                self.type_name(a),
                self.type_name(b)
            ))),
        }
    }

    fn try_compare_method(
        &mut self,
        obj: &Value,
        name: Symbol,
        other: &Value,
    ) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => {
                let m = inst.class.lookup(name);
                match m {
                    Some(m) if !m.is(&self.types.object_eq) || name != sym::EQ => {
                        if name == sym::NE && m.is(&self.types.object_ne) {
                            // object.__ne__ inverts __eq__.
                            if let Some(eq) = inst.class.lookup(sym::EQ) {
                                if !eq.is(&self.types.object_eq) {
                                    let r = self.call_bound(
                                        eq,
                                        obj.clone(),
                                        std::slice::from_ref(other),
                                    )?;
                                    if matches!(r, Value::NotImplemented) {
                                        return Ok(None);
                                    }
                                    return Ok(Some(Value::bool(!self.truthy(&r)?)));
                                }
                            }
                            return Ok(None);
                        }
                        let r = self.call_bound(m, obj.clone(), std::slice::from_ref(other))?;
                        if matches!(r, Value::NotImplemented) {
                            Ok(None)
                        } else {
                            Ok(Some(r))
                        }
                    }
                    _ => Ok(None),
                }
            }
            _ => {
                let kind = match name {
                    n if n == sym::EQ => CompareKind::Eq,
                    n if n == sym::NE => CompareKind::Ne,
                    n if n == sym::LT => CompareKind::Lt,
                    n if n == sym::LE => CompareKind::Le,
                    n if n == sym::GT => CompareKind::Gt,
                    _ => CompareKind::Ge,
                };
                if let Value::Instance(_) = other {
                    // Builtin vs instance: the builtin side has no opinion.
                    return Ok(None);
                }
                Ok(self.builtin_compare(kind, obj, other)?.map(Value::bool))
            }
        }
    }

    /// Comparison between builtin values; `None` = NotImplemented.
    pub(crate) fn builtin_compare(
        &mut self,
        kind: CompareKind,
        a: &Value,
        b: &Value,
    ) -> PyResult<Option<bool>> {
        use std::cmp::Ordering;
        if let Some(r) = fast_compare(kind, a, b) {
            return Ok(Some(r));
        }
        if let Some(r) = crate::runtime::complex::compare(kind, a, b) {
            return Ok(r);
        }
        let ord: Option<Option<Ordering>> = if let (Some(x), Some(y)) = (as_num(a), as_num(b)) {
            Some(num::compare_nums(&x, &y))
        } else {
            match (a, b) {
                (Value::Str(x), Value::Str(y)) => Some(Some(x.as_str().cmp(y.as_str()))),
                (Value::Bytes(x), Value::Bytes(y)) => Some(Some(x.as_slice().cmp(y.as_slice()))),
                (Value::List(x), Value::List(y)) => {
                    let (x, y) = (x.borrow().clone(), y.borrow().clone());
                    return self.compare_sequences(kind, &x, &y).map(Some);
                }
                (Value::Tuple(x), Value::Tuple(y)) => {
                    let (x, y) = (x.clone(), y.clone());
                    return self.compare_sequences(kind, &x, &y).map(Some);
                }
                (Value::Dict(_), Value::Dict(_)) => {
                    return match kind {
                        CompareKind::Eq => self.dict_eq(a, b).map(Some),
                        CompareKind::Ne => self.dict_eq(a, b).map(|r| Some(!r)),
                        _ => Ok(None),
                    };
                }
                (Value::Set(_) | Value::FrozenSet(_), Value::Set(_) | Value::FrozenSet(_)) => {
                    return crate::runtime::setops::compare(self, kind, a, b).map(Some);
                }
                (Value::Iter(_), _) if crate::runtime::setops::is_set_like_view(a) => {
                    return crate::runtime::setops::view_compare(self, kind, a, b);
                }
                (_, Value::Iter(_)) if crate::runtime::setops::is_set_like_view(b) => {
                    let reflected = match kind {
                        CompareKind::Lt => CompareKind::Gt,
                        CompareKind::Le => CompareKind::Ge,
                        CompareKind::Gt => CompareKind::Lt,
                        CompareKind::Ge => CompareKind::Le,
                        k => k,
                    };
                    return crate::runtime::setops::view_compare(self, reflected, b, a);
                }
                (Value::Slice(x), Value::Slice(y)) => {
                    let x = [x.start.clone(), x.stop.clone(), x.step.clone()];
                    let y = [y.start.clone(), y.stop.clone(), y.step.clone()];
                    return self.compare_sequences(kind, &x, &y).map(Some);
                }
                (Value::Range(x), Value::Range(y)) => {
                    let same = (x.is_empty() && y.is_empty())
                        || (x.len() == y.len()
                            && x.start == y.start
                            && (x.len() == 1 || x.step == y.step));
                    return Ok(match kind {
                        CompareKind::Eq => Some(same),
                        CompareKind::Ne => Some(!same),
                        _ => None,
                    });
                }
                _ => None,
            }
        };
        Ok(match ord {
            Some(o) => Some(match kind {
                CompareKind::Eq => o == Some(Ordering::Equal),
                CompareKind::Ne => o != Some(Ordering::Equal),
                CompareKind::Lt => o == Some(Ordering::Less),
                CompareKind::Le => matches!(o, Some(Ordering::Less | Ordering::Equal)),
                CompareKind::Gt => o == Some(Ordering::Greater),
                CompareKind::Ge => matches!(o, Some(Ordering::Greater | Ordering::Equal)),
            }),
            None => match kind {
                CompareKind::Eq => Some(a.is(b)),
                CompareKind::Ne => Some(!a.is(b)),
                _ => None,
            },
        })
    }

    fn compare_sequences(&mut self, kind: CompareKind, x: &[Value], y: &[Value]) -> PyResult<bool> {
        for (p, q) in x.iter().zip(y.iter()) {
            if !self.eq(p, q)? {
                return match kind {
                    CompareKind::Eq => Ok(false),
                    CompareKind::Ne => Ok(true),
                    _ => {
                        let r = self.compare(kind, p, q)?;
                        self.truthy(&r)
                    }
                };
            }
        }
        Ok(compare_ord(kind, &x.len(), &y.len()))
    }

    /// `a == b` as a bool (identity implies equality, as in CPython's containers; a NaN float
    /// is inline here, so any NaN "is" one with the same bits: `nan in [nan]` is true).
    pub fn eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        if a.is(b) {
            return Ok(true);
        }
        if let Some(r) = crate::runtime::dict::fast_eq(a, b) {
            if !matches!(a, Value::Instance(_)) && !matches!(b, Value::Instance(_)) {
                return Ok(r);
            }
        }
        let r = self.compare(CompareKind::Eq, a, b)?;
        match r {
            Value::Bool(b) => Ok(b.get()),
            other => self.truthy(&other),
        }
    }

    pub fn truthy(&mut self, v: &Value) -> PyResult<bool> {
        Ok(match v {
            Value::Bool(b) => b.get(),
            Value::None | Value::Undef => false,
            Value::Int(i) => *i != 0,
            Value::BigInt(_) => true,
            Value::Float(f) => f.get() != 0.0,
            Value::Complex(z) => z.re != 0.0 || z.im != 0.0,
            Value::Str(s) => !s.as_str().is_empty(),
            Value::Bytes(b) => !b.is_empty(),
            Value::List(l) => !l.borrow().is_empty(),
            Value::Tuple(t) => !t.is_empty(),
            Value::Dict(d) => !d.borrow().is_empty(),
            Value::Set(s) | Value::FrozenSet(s) => !s.borrow().is_empty(),
            Value::Range(r) => !r.is_empty(),
            Value::Instance(inst) => {
                if let Some(d) = crate::runtime::deque::exact_deque(inst) {
                    return Ok(!d.is_empty());
                }
                let cls = inst.class.clone();
                if let Some(m) = cls.lookup(sym::BOOL) {
                    let r = self.call_bound(m, v.clone(), &[])?;
                    return match r {
                        Value::Bool(b) => Ok(b.get()),
                        other => Err(self.type_error(format!(
                            "__bool__ should return bool, returned {}",
                            self.type_name(&other)
                        ))),
                    };
                }
                if cls.lookup(sym::LEN).is_some() {
                    return Ok(self.len(v)? != 0);
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    return self.truthy(&inner);
                }
                true
            }
            _ => true,
        })
    }

    pub fn hash(&mut self, v: &Value) -> PyResult<i64> {
        Ok(match v {
            Value::Int(i) => num::hash_int(*i),
            Value::Bool(b) => b.get() as i64,
            Value::BigInt(b) => num::hash_bigint(b),
            Value::Float(f) => num::hash_float(f.get()),
            Value::Complex(z) => crate::runtime::complex::hash(**z, v.heap_ptr().unwrap_or(0)),
            Value::Str(s) => s.hash(),
            Value::None => 0x5f3759df,
            Value::Tuple(items) => {
                let items = items.clone();
                let mut hashes = Vec::with_capacity(items.len());
                for item in items.iter() {
                    hashes.push(self.hash(item)?);
                }
                tuple_hash(&hashes)
            }
            Value::Bytes(b) => crate::runtime::pyhash::hash_bytes(b),
            Value::FrozenSet(s) => s.borrow().frozen_hash(),
            // CPython hashes `(len, start, step)`, with `None` for what does not matter: equal
            // ranges (same elements) hash equal.
            Value::Range(r) => {
                let len = r.len();
                let none = self.hash(&Value::None)?;
                let start = if len == 0 {
                    none
                } else {
                    num::hash_int(r.start)
                };
                let step = if len <= 1 {
                    none
                } else {
                    num::hash_int(r.step)
                };
                tuple_hash(&[num::hash_int(len), start, step])
            }
            Value::List(_) | Value::Dict(_) | Value::Set(_) | Value::Slice(_) => {
                return Err(self.type_error(format!("unhashable type: '{}'", self.type_name(v))))
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                match cls.lookup(sym::HASH) {
                    Some(Value::None) => {
                        return Err(self.type_error(format!("unhashable type: '{}'", cls.name)))
                    }
                    Some(m) if !m.is(&self.types.object_hash) => {
                        let r = self.call_bound(m, v.clone(), &[])?;
                        match r {
                            Value::Int(i) => {
                                if i == -1 {
                                    -2
                                } else {
                                    i
                                }
                            }
                            Value::BigInt(b) => num::hash_bigint(&b),
                            Value::Bool(b) => b.get() as i64,
                            _ => {
                                return Err(
                                    self.type_error("__hash__ method should return an integer")
                                )
                            }
                        }
                    }
                    _ => {
                        if let Payload::Boxed(inner) = &inst.payload {
                            let inner = inner.borrow().clone();
                            if !matches!(inner, Value::List(_) | Value::Dict(_) | Value::Set(_)) {
                                return self.hash(&inner);
                            }
                        }
                        (v.heap_ptr().unwrap_or(0) >> 4) as i64
                    }
                }
            }
            other => (other.heap_ptr().unwrap_or(0) >> 4) as i64,
        })
    }

    pub fn len(&mut self, v: &Value) -> PyResult<usize> {
        Ok(match v {
            Value::Str(s) => s.char_len(),
            Value::Bytes(b) => b.len(),
            Value::List(l) => l.borrow().len(),
            Value::Tuple(t) => t.len(),
            Value::Dict(d) => d.borrow().len(),
            Value::Set(s) | Value::FrozenSet(s) => s.borrow().len(),
            Value::Range(r) => r.len() as usize,
            Value::Instance(inst) => {
                if let Some(d) = crate::runtime::deque::exact_deque(inst) {
                    return Ok(d.len());
                }
                if let Some(m) = inst.class.lookup(sym::LEN) {
                    let r = self.call_bound(m, v.clone(), &[])?;
                    return match r {
                        Value::Int(i) if i >= 0 => Ok(i as usize),
                        Value::Int(_) => Err(self.value_error("__len__() should return >= 0")),
                        Value::Bool(b) => Ok(b.get() as usize),
                        other => Err(self.type_error(format!(
                            "'{}' object cannot be interpreted as an integer",
                            self.type_name(&other)
                        ))),
                    };
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    return self.len(&inner);
                }
                if let Some(n) = crate::asyncio::instance_len(self, inst)? {
                    return Ok(n);
                }
                return Err(
                    self.type_error(format!("object of type '{}' has no len()", inst.class.name))
                );
            }
            Value::Iter(it) => {
                if let Some(n) = crate::runtime::iter::view_len(it) {
                    return Ok(n);
                }
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )));
            }
            _ => {
                return Err(self.type_error(format!(
                    "object of type '{}' has no len()",
                    self.type_name(v)
                )))
            }
        })
    }

    /// An index for `operator.index`-style uses: ints, bools, `__index__`.
    pub fn index_of(&mut self, v: &Value) -> PyResult<Option<i64>> {
        Ok(match v {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(b.get() as i64),
            Value::BigInt(_) => {
                return Err(self.err(
                    &self.types.index_error,
                    "cannot fit 'int' into an index-sized integer",
                ))
            }
            Value::Instance(inst) => match self.call_special(v, sym::INDEX, &[])? {
                Some(Value::Int(i)) => Some(i),
                Some(Value::Bool(b)) => Some(b.get() as i64),
                Some(Value::Instance(r)) if matches!(&r.payload, Payload::Boxed(x) if matches!(&*x.borrow(), Value::Int(_))) => {
                    match &r.payload {
                        Payload::Boxed(x) => match &*x.borrow() {
                            Value::Int(i) => Some(*i),
                            _ => None,
                        },
                        _ => None,
                    }
                }
                Some(other) => {
                    return Err(self.type_error(format!(
                        "__index__ returned non-int (type {})",
                        self.type_name(&other)
                    )))
                }
                None => match &inst.payload {
                    // An int subclass is an index.
                    Payload::Boxed(inner) => {
                        let inner = inner.borrow().clone();
                        match inner {
                            Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
                                self.index_of(&inner)?
                            }
                            _ => None,
                        }
                    }
                    _ => None,
                },
            },
            _ => None,
        })
    }

    pub fn contains(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        match container {
            Value::Str(s) => match item {
                Value::Str(sub) => Ok(s.as_str().contains(sub.as_str())),
                _ => Err(self.type_error(format!(
                    "'in <string>' requires string as left operand, not {}",
                    self.type_name(item)
                ))),
            },
            Value::Bytes(b) => match item {
                Value::Bytes(sub) => {
                    Ok(sub.is_empty() || b.windows(sub.len()).any(|w| w == sub.as_slice()))
                }
                Value::Int(i) => Ok(b.contains(&(*i as u8)) && (0..256).contains(i)),
                _ => Err(self.type_error("a bytes-like object is required")),
            },
            Value::List(l) => {
                let l = l.clone();
                Ok(self.list_find(&l, item, 0, usize::MAX)?.is_some())
            }
            Value::Tuple(t) => {
                let t = t.clone();
                Ok(self.slice_find(&t, item, 0)?.is_some())
            }
            Value::Dict(d) => {
                let d = d.clone();
                Ok(self.dict_get(&d, item)?.is_some())
            }
            Value::Set(s) | Value::FrozenSet(s) => {
                let s = s.clone();
                self.set_contains(&s, item)
            }
            Value::Range(r) => match item {
                Value::Int(i) => {
                    let i = *i;
                    Ok(if r.step > 0 {
                        i >= r.start && i < r.stop && (i - r.start) % r.step == 0
                    } else {
                        i <= r.start && i > r.stop && (r.start - i) % (-r.step) == 0
                    })
                }
                Value::Bool(b) => self.contains(container, &Value::Int(b.get() as i64)),
                _ => self.contains_by_iteration(container, item),
            },
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::CONTAINS) {
                    let r = self.call_bound(m, container.clone(), std::slice::from_ref(item))?;
                    return self.truthy(&r);
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    return self.contains(&inner, item);
                }
                self.contains_by_iteration(container, item)
            }
            Value::Iter(it) if crate::runtime::iter::is_dict_view(it) => {
                crate::runtime::iter::view_contains(self, it, item)
            }
            _ => self.contains_by_iteration(container, item),
        }
    }

    /// The index of the first element of `l` at or after `start` and before `stop` equal to
    /// `item` (the element on the left, as CPython compares). Nothing is copied: the length is
    /// re-read at every step, as CPython's `i < Py_SIZE(list)`, because an `__eq__` may grow
    /// or shrink the list, and no borrow is held while Python code runs.
    pub fn list_find(
        &mut self,
        l: &ListRef,
        item: &Value,
        start: usize,
        stop: usize,
    ) -> PyResult<Option<usize>> {
        let mut i = start;
        loop {
            let x = {
                let items = l.borrow();
                let end = stop.min(items.len());
                // Comparisons that cannot run Python code are made under the borrow.
                loop {
                    let Some(x) = items.get(i).filter(|_| i < end) else {
                        return Ok(None);
                    };
                    if x.is(item) {
                        return Ok(Some(i));
                    }
                    match crate::runtime::dict::fast_eq(x, item) {
                        Some(true) => return Ok(Some(i)),
                        Some(false) => i += 1,
                        None => break x.clone(),
                    }
                }
            };
            if self.eq(&x, item)? {
                return Ok(Some(i));
            }
            i += 1;
        }
    }

    /// `list_find` for an immutable sequence (a tuple's items).
    pub fn slice_find(
        &mut self,
        items: &[Value],
        item: &Value,
        start: usize,
    ) -> PyResult<Option<usize>> {
        for (i, x) in items.iter().enumerate().skip(start) {
            if self.eq(x, item)? {
                return Ok(Some(i));
            }
        }
        Ok(None)
    }

    fn contains_by_iteration(&mut self, container: &Value, item: &Value) -> PyResult<bool> {
        if !self.is_iterable(container) {
            return Err(self.type_error(format!(
                "argument of type '{}' is not iterable",
                self.type_name(container)
            )));
        }
        let it = self.get_iter(container)?;
        while let Some(x) = self.next(&it)? {
            if self.eq(&x, item)? {
                return Ok(true);
            }
        }
        Ok(false)
    }

    pub fn get_item(&mut self, obj: &Value, index: &Value) -> PyResult<Value> {
        match obj {
            Value::Dict(d) => {
                let d = d.clone();
                match self.dict_get(&d, index)? {
                    Some(v) => Ok(v),
                    None => Err(self.key_error(index.clone())),
                }
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if let Some(m) = cls.lookup(sym::GETITEM) {
                    return self.call_bound(m, obj.clone(), &[Slice::for_python(index)]);
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    if let Value::Dict(d) = &inner {
                        let d = d.clone();
                        if let Some(v) = self.dict_get(&d, index)? {
                            return Ok(v);
                        }
                        if let Some(missing) = cls.lookup(sym::MISSING) {
                            return self.call_bound(
                                missing,
                                obj.clone(),
                                std::slice::from_ref(index),
                            );
                        }
                        return Err(self.key_error(index.clone()));
                    }
                    return self.get_item(&inner, index);
                }
                Err(self.type_error(format!("'{}' object is not subscriptable", cls.name)))
            }
            Value::Class(c) => {
                if let Some(m) = c.lookup(sym::CLASS_GETITEM) {
                    return self.call_bound(m, obj.clone(), &[Slice::for_python(index)]);
                }
                if c.is_builtin {
                    // `list[int]` in annotations: a generic alias.
                    let index = Slice::for_python(index);
                    return Ok(crate::runtime::generic_alias::subscript(self, obj, &index));
                }
                Err(self.type_error(format!("type '{}' is not subscriptable", c.name)))
            }
            _ => crate::runtime::seq::get_item(self, obj, index),
        }
    }

    pub fn set_item(&mut self, obj: &Value, index: Value, value: Value) -> PyResult<()> {
        match obj {
            Value::Dict(d) => {
                let d = d.clone();
                self.dict_set(&d, index, value)
            }
            Value::List(_) => crate::runtime::seq::list_set_item(self, obj, index, value),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::SETITEM) {
                    self.call_bound(m, obj.clone(), &[Slice::for_python(&index), value])?;
                    return Ok(());
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    return self.set_item(&inner, index, value);
                }
                Err(self.type_error(format!(
                    "'{}' object does not support item assignment",
                    inst.class.name
                )))
            }
            _ => Err(self.type_error(format!(
                "'{}' object does not support item assignment",
                self.type_name(obj)
            ))),
        }
    }

    pub fn del_item(&mut self, obj: &Value, index: &Value) -> PyResult<()> {
        match obj {
            Value::Dict(d) => {
                let d = d.clone();
                match self.dict_remove(&d, index)? {
                    Some(_) => Ok(()),
                    None => Err(self.key_error(index.clone())),
                }
            }
            Value::List(_) => crate::runtime::seq::list_del_item(self, obj, index),
            Value::Instance(inst) => {
                if let Some(m) = inst.class.lookup(sym::DELITEM) {
                    self.call_bound(m, obj.clone(), &[Slice::for_python(index)])?;
                    return Ok(());
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    return self.del_item(&inner, index);
                }
                Err(self.type_error(format!(
                    "'{}' object doesn't support item deletion",
                    inst.class.name
                )))
            }
            _ => Err(self.type_error(format!(
                "'{}' object doesn't support item deletion",
                self.type_name(obj)
            ))),
        }
    }

    // ----- iteration ---------------------------------------------------------------------

    pub fn is_iterable(&self, v: &Value) -> bool {
        match v {
            Value::Str(_)
            | Value::Bytes(_)
            | Value::List(_)
            | Value::Tuple(_)
            | Value::Dict(_)
            | Value::Set(_)
            | Value::FrozenSet(_)
            | Value::Range(_)
            | Value::Iter(_)
            | Value::Generator(_) => true,
            Value::Instance(inst) => {
                inst.class.lookup(sym::ITER).is_some()
                    || inst.class.lookup(sym::GETITEM).is_some()
                    || matches!(inst.payload, Payload::Boxed(_))
            }
            _ => false,
        }
    }

    pub fn get_iter(&mut self, v: &Value) -> PyResult<Value> {
        if let Some(it) = crate::runtime::iter::iter_fast(v) {
            return Ok(it);
        }
        let state = match v {
            Value::Bytes(b) => IterState::Bytes(b.clone(), 0),
            Value::Dict(d) => {
                let len = d.borrow().len();
                IterState::DictKeys {
                    dict: d.clone(),
                    pos: 0,
                    len,
                    remaining: len,
                }
            }
            Value::Set(s) | Value::FrozenSet(s) => IterState::Set {
                set: s.clone(),
                pos: 0,
                len: s.borrow().len(),
            },
            Value::Iter(it) => {
                if let Some(state) = crate::runtime::iter::view_iter_state(it) {
                    state
                } else {
                    return Ok(v.clone());
                }
            }
            Value::Generator(g) => {
                if g.kind == super::object::GeneratorKind::Generator {
                    return Ok(v.clone());
                }
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                );
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if let Some(m) = cls.lookup(sym::ITER) {
                    let it = self.call_bound(m, v.clone(), &[])?;
                    if !self.is_iterator(&it) {
                        return Err(self.type_error(format!(
                            "iter() returned non-iterator of type '{}'",
                            self.type_name(&it)
                        )));
                    }
                    return Ok(it);
                }
                if let Payload::Boxed(inner) = &inst.payload {
                    let inner = inner.borrow().clone();
                    return self.get_iter(&inner);
                }
                if cls.lookup(sym::GETITEM).is_some() {
                    IterState::SequenceProtocol(v.clone(), 0)
                } else {
                    return Err(self.type_error(format!("'{}' object is not iterable", cls.name)));
                }
            }
            _ => {
                return Err(
                    self.type_error(format!("'{}' object is not iterable", self.type_name(v)))
                )
            }
        };
        Ok(Value::Iter(Rc::new(NativeIter {
            state: std::cell::RefCell::new(state),
        })))
    }

    fn is_iterator(&self, v: &Value) -> bool {
        match v {
            Value::Iter(_) | Value::Generator(_) => true,
            Value::Instance(inst) => inst.class.lookup(sym::NEXT).is_some(),
            _ => false,
        }
    }

    /// `next(it)`: `None` when exhausted.
    pub fn next(&mut self, it: &Value) -> PyResult<Option<Value>> {
        match it {
            Value::Iter(native) => crate::runtime::iter::next_native(self, native),
            Value::Generator(g) => {
                let g = g.clone();
                if g.kind != super::object::GeneratorKind::Generator {
                    return Err(self.type_error(format!(
                        "'{}' object is not an iterator",
                        self.type_name(it)
                    )));
                }
                if g.state.get() == super::object::GeneratorState::Finished {
                    return Ok(None);
                }
                match self.resume_generator(&g, super::dispatch::Resume::Send(Value::None)) {
                    Ok(super::dispatch::FrameResult::Returned(_)) => Ok(None),
                    Ok(super::dispatch::FrameResult::Yielded(v))
                    | Ok(super::dispatch::FrameResult::AsyncGenYielded(v)) => Ok(Some(v)),
                    Err(e) => Err(e),
                }
            }
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                match cls.lookup(sym::NEXT) {
                    Some(m) => match self.call_bound(m, it.clone(), &[]) {
                        Ok(v) => Ok(Some(v)),
                        Err(e) if e.is_instance_of(&self.types.stop_iteration) => Ok(None),
                        Err(e) => Err(e),
                    },
                    None => {
                        Err(self.type_error(format!("'{}' object is not an iterator", cls.name)))
                    }
                }
            }
            _ => Err(self.type_error(format!(
                "'{}' object is not an iterator",
                self.type_name(it)
            ))),
        }
    }

    /// Iterates `v` to the end, collecting the items.
    pub fn collect(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        match v {
            Value::List(l) => return Ok(l.borrow().clone()),
            Value::Tuple(t) => return Ok(t.to_vec()),
            _ => {}
        }
        let it = self.get_iter(v)?;
        let mut out = Vec::new();
        // A range says how long it is: one allocation, or MemoryError up front for one that
        // could never be held (as CPython's length hint gives), not an allocation failure
        // after gigabytes.
        if let Some(n) = crate::runtime::iter::range_remaining(&it) {
            crate::runtime::seq::alloc_check(self, n as u128)?;
            if out.try_reserve(n as usize).is_err() {
                return Err(self.memory_error());
            }
        }
        while let Some(x) = self.next(&it)? {
            out.push(x);
        }
        Ok(out)
    }

    /// `*x` in a call or display: CPython's error names the value's type.
    pub(crate) fn collect_for_unpack(&mut self, v: &Value) -> PyResult<Vec<Value>> {
        if !self.is_iterable(v) {
            return Err(self.type_error(format!(
                "Value after * must be an iterable, not {}",
                self.type_name(v)
            )));
        }
        self.collect(v)
    }

    // ----- dicts and sets ----------------------------------------------------------------

    pub fn dict_get(&mut self, d: &super::value::DictRef, key: &Value) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let fast = d.borrow().find_fast(hash, key);
        if let Some(i) = fast {
            return Ok(d.borrow().entry_at(i).map(|e| e.value.clone()));
        }
        let candidates = d.borrow().slow_candidates(hash, key);
        for (idx, k) in candidates {
            if self.eq(&k, key)? {
                return Ok(d.borrow().entry_at(idx).map(|e| e.value.clone()));
            }
        }
        Ok(None)
    }

    pub fn dict_get_str(
        &mut self,
        d: &super::value::DictRef,
        key: &str,
    ) -> PyResult<Option<Value>> {
        Ok(d.borrow().get_str(key).cloned())
    }

    pub fn dict_set(
        &mut self,
        d: &super::value::DictRef,
        key: Value,
        value: Value,
    ) -> PyResult<()> {
        let hash = self.hash(&key)?;
        let fast = d.borrow().find_fast(hash, &key);
        if let Some(i) = fast {
            if let Some(slot) = d.borrow_mut().value_at_mut(i) {
                *slot = value;
            }
            return Ok(());
        }
        let candidates = d.borrow().slow_candidates(hash, &key);
        for (idx, k) in candidates {
            if self.eq(&k, &key)? {
                if let Some(slot) = d.borrow_mut().value_at_mut(idx) {
                    *slot = value;
                }
                return Ok(());
            }
        }
        d.borrow_mut().push_new(hash, key, value);
        Ok(())
    }

    pub fn dict_remove(
        &mut self,
        d: &super::value::DictRef,
        key: &Value,
    ) -> PyResult<Option<Value>> {
        let hash = self.hash(key)?;
        let fast = d.borrow().find_fast(hash, key);
        let idx = match fast {
            Some(i) => Some(i),
            None => {
                let candidates = d.borrow().slow_candidates(hash, key);
                let mut found = None;
                for (idx, k) in candidates {
                    if self.eq(&k, key)? {
                        found = Some(idx);
                        break;
                    }
                }
                found
            }
        };
        Ok(idx
            .and_then(|i| d.borrow_mut().remove_at(i))
            .map(|e| e.value))
    }

    fn dict_eq(&mut self, a: &Value, b: &Value) -> PyResult<bool> {
        let (Value::Dict(x), Value::Dict(y)) = (a, b) else {
            return Ok(false);
        };
        if x.borrow().len() != y.borrow().len() {
            return Ok(false);
        }
        let items = x.borrow().items();
        let y = y.clone();
        for (k, v) in items {
            match self.dict_get(&y, &k)? {
                Some(w) => {
                    if !self.eq(&v, &w)? {
                        return Ok(false);
                    }
                }
                None => return Ok(false),
            }
        }
        Ok(true)
    }

    /// `d.update(other)` / `{**other}`; with `merge`, duplicate keys are an error (`f(**a)`).
    pub fn dict_update_from(&mut self, target: &Value, other: &Value, merge: bool) -> PyResult<()> {
        let Value::Dict(d) = target else {
            return Err(self.type_error("dict expected"));
        };
        let d = d.clone();
        if let Value::Dict(o) = other {
            if std::rc::Rc::ptr_eq(&d, o) && !merge {
                // `d.update(d)` changes nothing.
                return Ok(());
            }
            if !merge && !std::rc::Rc::ptr_eq(&d, o) && d.borrow_mut().update_fast(&o.borrow()) {
                return Ok(());
            }
        }
        let items: Vec<(Value, Value)> = match other {
            Value::Dict(o) => o.borrow().items(),
            _ => {
                if self.has_attr(other, sym::KEYS)? {
                    let keys = self.call_method(other, sym::KEYS, &[])?;
                    let mut out = Vec::new();
                    for k in self.collect(&keys)? {
                        let v = self.get_item(other, &k)?;
                        out.push((k, v));
                    }
                    out
                } else if merge {
                    return Err(self.type_error(format!(
                        "argument after ** must be a mapping, not {}",
                        self.type_name(other)
                    )));
                } else {
                    let mut out = Vec::new();
                    for (i, pair) in self.collect(other)?.into_iter().enumerate() {
                        let kv = self.collect(&pair).map_err(|_| {
                            self.type_error(format!(
                                "cannot convert dictionary update sequence element #{i} to a sequence"
                            ))
                        })?;
                        if kv.len() != 2 {
                            return Err(self.value_error(format!(
                                "dictionary update sequence element #{i} has length {}; 2 is required",
                                kv.len()
                            )));
                        }
                        out.push((kv[0].clone(), kv[1].clone()));
                    }
                    out
                }
            }
        };
        for (k, v) in items {
            if merge && self.dict_get(&d, &k)?.is_some() {
                let name = match &k {
                    Value::Str(s) => s.as_str().to_string(),
                    _ => self.repr(&k)?,
                };
                return Err(
                    self.type_error(format!("got multiple values for keyword argument '{name}'"))
                );
            }
            self.dict_set(&d, k, v)?;
        }
        Ok(())
    }

    /// `BUILD_SET`: a set of the items, added in order.
    pub fn new_set(&mut self, items: Vec<Value>) -> PyResult<Value> {
        crate::runtime::setops::from_items(self, items)
    }

    /// `SET_ADD` / `set.add`.
    pub fn set_add(&mut self, set: &Value, item: Value) -> PyResult<()> {
        let Some(s) = crate::runtime::setops::set_of(set) else {
            return Err(self.type_error("set expected"));
        };
        crate::runtime::setops::add_key(self, &s, item)
    }

    /// `SET_UPDATE` / `set.update(iterable)`: CPython's `set_update_internal` (another set is
    /// merged table to table, which decides the resulting layout).
    pub fn set_update(&mut self, set: &Value, iterable: &Value) -> PyResult<()> {
        let Some(s) = crate::runtime::setops::set_of(set) else {
            return Err(self.type_error("set expected"));
        };
        crate::runtime::setops::update_internal(self, &s, iterable)
    }

    pub fn set_contains(&mut self, s: &super::value::SetRef, item: &Value) -> PyResult<bool> {
        crate::runtime::setops::contains_key(self, s, item)
    }

    pub fn set_discard(&mut self, s: &super::value::SetRef, item: &Value) -> PyResult<bool> {
        crate::runtime::setops::discard_key(self, s, item)
    }
}

fn is_boxed(v: &Value) -> bool {
    matches!(v, Value::Instance(i) if matches!(i.payload, Payload::Boxed(_)))
}

/// Both operands with boxed builtin values taken out, if either is an instance of a subclass of
/// a builtin type (`None` when neither is).
fn unbox_pair(a: &Value, b: &Value) -> Option<(Value, Value)> {
    let unbox = |v: &Value| -> Option<Value> {
        match v {
            Value::Instance(i) => match &i.payload {
                Payload::Boxed(inner) => Some(inner.borrow().clone()),
                _ => None,
            },
            _ => None,
        }
    };
    match (unbox(a), unbox(b)) {
        (None, None) => None,
        (x, y) => Some((
            x.unwrap_or_else(|| a.clone()),
            y.unwrap_or_else(|| b.clone()),
        )),
    }
}

/// CPython 3.11's tuple hash (xxHash-based `tuplehash`).
pub fn tuple_hash(hashes: &[i64]) -> i64 {
    const PRIME1: u64 = 11400714785074694791;
    const PRIME2: u64 = 14029467366897019727;
    const PRIME5: u64 = 2870177450012600261;
    let mut acc: u64 = PRIME5;
    for &h in hashes {
        let lane = h as u64;
        acc = acc.wrapping_add(lane.wrapping_mul(PRIME2));
        acc = acc.rotate_left(31);
        acc = acc.wrapping_mul(PRIME1);
    }
    acc = acc.wrapping_add((hashes.len() as u64) ^ (PRIME5 ^ 3527539));
    if acc == u64::MAX {
        return 1546275796;
    }
    acc as i64
}
