//! The special methods of `int`, `float`, `complex` and `str` as real attributes
//! (`(3).__add__(4)`, `int.__mul__`, `str.__len__`), so that explicit calls,
//! `super().__add__(other)` in a subclass, and operators on instances of user subclasses all
//! work. Each one unwraps the builtin value of a subclass instance and defers to the
//! interpreter's own operation on plain values; an operand of the wrong type gives
//! `NotImplemented`, as in CPython.

use std::rc::Rc;

use crate::compile::code::CompareKind;
use crate::syntax::ast::BinOp;
use crate::vm::object::{Args, Builtin, BuiltinFn, Class, Payload};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

const BINOPS: &[(&str, &str, BinOp)] = &[
    ("__add__", "__radd__", BinOp::Add),
    ("__sub__", "__rsub__", BinOp::Sub),
    ("__mul__", "__rmul__", BinOp::Mult),
    ("__truediv__", "__rtruediv__", BinOp::Div),
    ("__floordiv__", "__rfloordiv__", BinOp::FloorDiv),
    ("__mod__", "__rmod__", BinOp::Mod),
    ("__pow__", "__rpow__", BinOp::Pow),
    ("__lshift__", "__rlshift__", BinOp::LShift),
    ("__rshift__", "__rrshift__", BinOp::RShift),
    ("__and__", "__rand__", BinOp::BitAnd),
    ("__or__", "__ror__", BinOp::BitOr),
    ("__xor__", "__rxor__", BinOp::BitXor),
];

const COMPARES: &[(&str, CompareKind)] = &[
    ("__eq__", CompareKind::Eq),
    ("__ne__", CompareKind::Ne),
    ("__lt__", CompareKind::Lt),
    ("__le__", CompareKind::Le),
    ("__gt__", CompareKind::Gt),
    ("__ge__", CompareKind::Ge),
];

/// Which builtin type a special method belongs to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    Int,
    Float,
    Str,
    Complex,
}

impl Kind {
    fn code(self) -> i64 {
        self as i64
    }

    fn from_code(c: i64) -> Kind {
        match c {
            0 => Kind::Int,
            1 => Kind::Float,
            2 => Kind::Str,
            _ => Kind::Complex,
        }
    }

    fn name(self) -> &'static str {
        match self {
            Kind::Int => "int",
            Kind::Float => "float",
            Kind::Str => "str",
            Kind::Complex => "complex",
        }
    }

    fn class(self, vm: &Vm) -> Rc<Class> {
        match self {
            Kind::Int => vm.types.int.clone(),
            Kind::Float => vm.types.float.clone(),
            Kind::Str => vm.types.str.clone(),
            Kind::Complex => vm.types.complex.clone(),
        }
    }

    /// Does a plain value belong to this kind (as an operand)?
    fn accepts(self, v: &Value) -> bool {
        match self {
            Kind::Int => matches!(v, Value::Int(_) | Value::BigInt(_) | Value::Bool(_)),
            Kind::Float => {
                matches!(
                    v,
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
                )
            }
            Kind::Str => matches!(v, Value::Str(_)),
            Kind::Complex => matches!(
                v,
                Value::Int(_)
                    | Value::BigInt(_)
                    | Value::Bool(_)
                    | Value::Float(_)
                    | Value::Complex(_)
            ),
        }
    }
}

/// The plain builtin value of `v` (unboxing instances of builtin subclasses).
fn raw(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        if let Payload::Boxed(b) = &i.payload {
            return b.borrow().clone();
        }
    }
    v.clone()
}

fn method(name: &'static str, owner: &'static str, func: BuiltinFn, data: Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        owner: Some(owner),
        func,
        data,
        fast: None,
    }))
}

/// `(kind, op index)` packed into a builtin's `data`.
fn pack(kind: Kind, index: usize) -> Value {
    Value::Int(kind.code() * 1000 + index as i64)
}

fn unpack(data: &Value) -> (Kind, usize) {
    match data {
        Value::Int(n) => (Kind::from_code(n / 1000), (n % 1000) as usize),
        _ => (Kind::Int, 0),
    }
}

pub fn install(vm: &mut Vm) {
    for kind in [Kind::Int, Kind::Float, Kind::Str, Kind::Complex] {
        let cls = kind.class(vm);
        let owner = kind.name();
        for (i, (name, rname, op)) in BINOPS.iter().enumerate() {
            let applies = match kind {
                Kind::Int => true,
                Kind::Float => !matches!(
                    op,
                    BinOp::LShift | BinOp::RShift | BinOp::BitAnd | BinOp::BitOr | BinOp::BitXor
                ),
                Kind::Str => matches!(op, BinOp::Add | BinOp::Mult | BinOp::Mod),
                Kind::Complex => matches!(
                    op,
                    BinOp::Add | BinOp::Sub | BinOp::Mult | BinOp::Div | BinOp::Pow
                ),
            };
            if !applies {
                continue;
            }
            cls.set_attr(intern(name), method(name, owner, binop, pack(kind, i)));
            if kind != Kind::Str || *op != BinOp::Add {
                cls.set_attr(intern(rname), method(rname, owner, rbinop, pack(kind, i)));
            }
        }
        for (i, (name, _)) in COMPARES.iter().enumerate() {
            cls.set_attr(intern(name), method(name, owner, compare, pack(kind, i)));
        }
        cls.set_attr(
            intern("__hash__"),
            method("__hash__", owner, hash, pack(kind, 0)),
        );
        cls.set_attr(
            intern("__repr__"),
            method("__repr__", owner, repr, pack(kind, 0)),
        );
        if kind == Kind::Str {
            for (name, f) in [
                ("__str__", str_str as BuiltinFn),
                ("__len__", str_len),
                ("__contains__", str_contains),
                ("__getitem__", str_getitem),
            ] {
                cls.set_attr(intern(name), method(name, owner, f, pack(kind, 0)));
            }
        } else {
            for (i, name) in UNARY.iter().enumerate() {
                if *name != "__invert__" || kind == Kind::Int {
                    cls.set_attr(intern(name), method(name, owner, unary, pack(kind, i)));
                }
            }
            if kind == Kind::Complex {
                continue;
            }
            for (name, f) in [
                ("__divmod__", divmod as BuiltinFn),
                ("__rdivmod__", rdivmod),
                ("__round__", round),
            ] {
                cls.set_attr(intern(name), method(name, owner, f, pack(kind, 0)));
            }
        }
    }
}

/// The receiver (unboxed), checked to be of the method's type.
fn receiver(vm: &Vm, args: &Args, kind: Kind, name: &str) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' of '{}' object needs an argument",
            kind.name()
        )));
    };
    if !vm.class_of(v).is_subclass_of(&kind.class(vm)) {
        return Err(vm.type_error(format!(
            "descriptor '{name}' requires a '{}' object but received a '{}'",
            kind.name(),
            vm.type_name(v)
        )));
    }
    Ok(raw(v))
}

fn one_arg(vm: &Vm, args: &Args) -> PyResult<Value> {
    match args.pos.len() {
        2 => Ok(raw(&args.pos[1])),
        n => Err(vm.type_error(format!("expected 1 argument, got {}", n.saturating_sub(1)))),
    }
}

fn binop_impl(vm: &mut Vm, args: &Args, reflected: bool) -> PyResult<Value> {
    let (kind, i) = unpack(args.data);
    let (name, rname, op) = BINOPS[i.min(BINOPS.len() - 1)];
    let mname = if reflected { rname } else { name };
    let this = receiver(vm, args, kind, mname)?;
    // `int.__pow__(a, b, mod)`: three-argument pow.
    if op == BinOp::Pow && !reflected && args.pos.len() == 3 && !args.pos[2].is_none() {
        let f = vm
            .builtins
            .get(&intern("pow"))
            .cloned()
            .unwrap_or(Value::None);
        return vm.call(&f, &[this, raw(&args.pos[1]), raw(&args.pos[2])]);
    }
    let other = one_arg(vm, args)?;
    let ok = match (kind, op) {
        (Kind::Str, BinOp::Mult) => matches!(other, Value::Int(_) | Value::Bool(_)),
        (Kind::Str, BinOp::Mod) if !reflected => true,
        _ => kind.accepts(&other),
    };
    if !ok {
        return Ok(Value::NotImplemented);
    }
    let (a, b) = if reflected {
        (other, this)
    } else {
        (this, other)
    };
    Ok(vm
        .binary_op_opt(op, &a, &b)?
        .unwrap_or(Value::NotImplemented))
}

fn binop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binop_impl(vm, &args, false)
}

fn rbinop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    binop_impl(vm, &args, true)
}

fn compare(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (kind, i) = unpack(args.data);
    let (name, ck) = COMPARES[i.min(COMPARES.len() - 1)];
    let this = receiver(vm, &args, kind, name)?;
    let other = one_arg(vm, &args)?;
    let comparable =
        kind.accepts(&other) || (kind == Kind::Int && matches!(other, Value::Float(_)));
    // Complex numbers are not ordered: their `__lt__` and the like always decline.
    let unordered = kind == Kind::Complex && !matches!(ck, CompareKind::Eq | CompareKind::Ne);
    if !comparable || unordered {
        return Ok(Value::NotImplemented);
    }
    vm.compare(ck, &this, &other)
}

fn hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (kind, _) = unpack(args.data);
    let this = receiver(vm, &args, kind, "__hash__")?;
    Ok(Value::Int(vm.hash(&this)?))
}

const UNARY: &[&str] = &["__neg__", "__pos__", "__abs__", "__bool__", "__invert__"];

fn unary(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (kind, i) = unpack(args.data);
    let name = UNARY[i.min(UNARY.len() - 1)];
    let this = receiver(vm, &args, kind, name)?;
    if args.pos.len() != 1 {
        return Err(vm.type_error(format!(
            "expected 0 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    use crate::compile::code::UnaryKind;
    match name {
        "__neg__" => vm.unary_op(UnaryKind::Neg, &this),
        "__pos__" => vm.unary_op(UnaryKind::Pos, &this),
        "__invert__" => vm.unary_op(UnaryKind::Invert, &this),
        "__bool__" => Ok(Value::bool(vm.truthy(&this)?)),
        _ => {
            let f = vm
                .builtins
                .get(&intern("abs"))
                .cloned()
                .unwrap_or(Value::None);
            vm.call(&f, &[this])
        }
    }
}

fn divmod_impl(vm: &mut Vm, args: &Args, reflected: bool) -> PyResult<Value> {
    let (kind, _) = unpack(args.data);
    let name = if reflected {
        "__rdivmod__"
    } else {
        "__divmod__"
    };
    let this = receiver(vm, args, kind, name)?;
    let other = one_arg(vm, args)?;
    if !kind.accepts(&other) {
        return Ok(Value::NotImplemented);
    }
    let f = vm
        .builtins
        .get(&intern("divmod"))
        .cloned()
        .unwrap_or(Value::None);
    if reflected {
        vm.call(&f, &[other, this])
    } else {
        vm.call(&f, &[this, other])
    }
}

fn divmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, &args, false)
}

fn rdivmod(vm: &mut Vm, args: Args) -> PyResult<Value> {
    divmod_impl(vm, &args, true)
}

fn round(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (kind, _) = unpack(args.data);
    let this = receiver(vm, &args, kind, "__round__")?;
    let f = vm
        .builtins
        .get(&intern("round"))
        .cloned()
        .unwrap_or(Value::None);
    let mut call_args = vec![this];
    call_args.extend(args.pos[1..].iter().map(raw));
    vm.call(&f, &call_args)
}

fn repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (kind, _) = unpack(args.data);
    let this = receiver(vm, &args, kind, "__repr__")?;
    Ok(Value::string(vm.repr(&this)?))
}

fn str_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    receiver(vm, &args, Kind::Str, "__str__")
}

fn str_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = receiver(vm, &args, Kind::Str, "__len__")?;
    Ok(Value::Int(vm.len(&this)? as i64))
}

fn str_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = receiver(vm, &args, Kind::Str, "__contains__")?;
    let other = one_arg(vm, &args)?;
    Ok(Value::bool(vm.contains(&this, &other)?))
}

fn str_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = receiver(vm, &args, Kind::Str, "__getitem__")?;
    let other = one_arg(vm, &args)?;
    vm.get_item(&this, &other)
}
