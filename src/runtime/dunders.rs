//! The special methods of builtin containers and iterators as Python-visible methods
//! (`[1].__len__()`, `it.__next__`, `super().__getitem__(i)` in a `list` subclass, ...).
//!
//! Each one unwraps the builtin value (the receiver may be an instance of a subclass, which
//! boxes it) and runs the VM's native protocol on it, so calling them never re-enters a user
//! override of the same method.

use std::rc::Rc;

use super::types::builtin_value;
use crate::compile::code::CompareKind;
use crate::syntax::ast::BinOp;
use crate::vm::object::{Args, BuiltinFn, Class, Payload};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// The builtin value inside a receiver (the receiver itself for plain builtin values).
fn unboxed(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        if let Payload::Boxed(b) = &i.payload {
            return b.borrow().clone();
        }
    }
    v.clone()
}

fn receiver(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    match args.pos.first() {
        Some(v) => Ok(unboxed(v)),
        None => Err(vm.type_error(format!("descriptor '{name}' needs an argument"))),
    }
}

fn exact(vm: &Vm, args: &Args, name: &str, n: usize) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
    }
    let given = args.pos.len().saturating_sub(1);
    if given != n {
        return Err(vm.type_error(match n {
            0 => format!("{name}() takes no arguments ({given} given)"),
            1 => format!("{name}() takes exactly one argument ({given} given)"),
            _ => format!("expected {n} arguments, got {given}"),
        }));
    }
    Ok(())
}

fn dunder_len(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__len__", 0)?;
    let v = receiver(vm, &args, "__len__")?;
    Ok(Value::Int(vm.len(&v)? as i64))
}

fn dunder_iter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__iter__", 0)?;
    let v = receiver(vm, &args, "__iter__")?;
    vm.get_iter(&v)
}

fn dunder_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__contains__", 1)?;
    let v = receiver(vm, &args, "__contains__")?;
    Ok(Value::bool(vm.contains(&v, &args.pos[1])?))
}

fn dunder_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__getitem__", 1)?;
    let v = receiver(vm, &args, "__getitem__")?;
    vm.get_item(&v, &args.pos[1])
}

fn dunder_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__setitem__", 2)?;
    let v = receiver(vm, &args, "__setitem__")?;
    vm.set_item(&v, args.pos[1].clone(), args.pos[2].clone())?;
    Ok(Value::None)
}

fn dunder_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__delitem__", 1)?;
    let v = receiver(vm, &args, "__delitem__")?;
    vm.del_item(&v, &args.pos[1])?;
    Ok(Value::None)
}

fn dunder_reversed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__reversed__", 0)?;
    let v = receiver(vm, &args, "__reversed__")?;
    let f = vm
        .builtins
        .get(&intern("reversed"))
        .cloned()
        .unwrap_or(Value::None);
    vm.call(&f, &[v])
}

fn dunder_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__next__", 0)?;
    let v = receiver(vm, &args, "__next__")?;
    match vm.next(&v)? {
        Some(x) => Ok(x),
        None => Err(vm.stop_iteration(Value::None)),
    }
}

fn dunder_self(vm: &mut Vm, args: Args) -> PyResult<Value> {
    exact(vm, &args, "__iter__", 0)?;
    Ok(args.pos[0].clone())
}

fn compare(vm: &mut Vm, args: Args, kind: CompareKind, name: &str) -> PyResult<Value> {
    exact(vm, &args, name, 1)?;
    let a = receiver(vm, &args, name)?;
    let b = unboxed(&args.pos[1]);
    // A container compares only with its own kind (`[].__eq__(())` is NotImplemented; a set
    // and a frozenset are one kind). A boxed value counts as its builtin type only when it is
    // an instance of it (a `list` subclass is a list; a `bytearray`, boxed bytes, is not a
    // `bytes`).
    let same_kind = std::mem::discriminant(&a) == std::mem::discriminant(&b)
        || matches!(
            (&a, &b),
            (
                Value::Set(_) | Value::FrozenSet(_),
                Value::Set(_) | Value::FrozenSet(_)
            )
        );
    let other_is_kind = match (&a, &args.pos[1]) {
        (Value::Set(_) | Value::FrozenSet(_), other @ Value::Instance(_)) => {
            vm.isinstance(other, &vm.types.set) || vm.isinstance(other, &vm.types.frozenset)
        }
        (_, other @ Value::Instance(_)) => vm.isinstance(other, &vm.class_of(&a)),
        _ => true,
    };
    if !same_kind || !other_is_kind {
        return Ok(Value::NotImplemented);
    }
    Ok(match vm.builtin_compare(kind, &a, &b)? {
        Some(r) => Value::bool(r),
        None => Value::NotImplemented,
    })
}

fn binary(vm: &mut Vm, args: Args, op: BinOp, reflected: bool, name: &str) -> PyResult<Value> {
    exact(vm, &args, name, 1)?;
    let a = receiver(vm, &args, name)?;
    let b = unboxed(&args.pos[1]);
    if matches!(b, Value::Instance(_)) {
        return Ok(Value::NotImplemented);
    }
    let (x, y) = if reflected { (&b, &a) } else { (&a, &b) };
    match vm.builtin_binary(op, x, y) {
        Some(r) => r,
        None => Ok(Value::NotImplemented),
    }
}

fn inplace(vm: &mut Vm, args: Args, op: BinOp, name: &str) -> PyResult<Value> {
    exact(vm, &args, name, 1)?;
    let a = receiver(vm, &args, name)?;
    vm.inplace_op(op, &a, &args.pos[1])?;
    Ok(args.pos[0].clone())
}

macro_rules! wrappers {
    ($($name:ident => $body:expr;)*) => {
        $(fn $name(vm: &mut Vm, args: Args) -> PyResult<Value> {
            let f: fn(&mut Vm, Args) -> PyResult<Value> = $body;
            f(vm, args)
        })*
    };
}

wrappers! {
    dunder_eq => |vm, a| compare(vm, a, CompareKind::Eq, "__eq__");
    dunder_ne => |vm, a| compare(vm, a, CompareKind::Ne, "__ne__");
    dunder_lt => |vm, a| compare(vm, a, CompareKind::Lt, "__lt__");
    dunder_le => |vm, a| compare(vm, a, CompareKind::Le, "__le__");
    dunder_gt => |vm, a| compare(vm, a, CompareKind::Gt, "__gt__");
    dunder_ge => |vm, a| compare(vm, a, CompareKind::Ge, "__ge__");
    dunder_add => |vm, a| binary(vm, a, BinOp::Add, false, "__add__");
    dunder_mul => |vm, a| binary(vm, a, BinOp::Mult, false, "__mul__");
    dunder_rmul => |vm, a| binary(vm, a, BinOp::Mult, true, "__rmul__");
    dunder_or => |vm, a| binary(vm, a, BinOp::BitOr, false, "__or__");
    dunder_ror => |vm, a| binary(vm, a, BinOp::BitOr, true, "__ror__");
    dunder_iadd => |vm, a| inplace(vm, a, BinOp::Add, "__iadd__");
    dunder_imul => |vm, a| inplace(vm, a, BinOp::Mult, "__imul__");
    dunder_ior => |vm, a| inplace(vm, a, BinOp::BitOr, "__ior__");
}

const COMPARISONS: &[(&str, BuiltinFn)] = &[
    ("__eq__", dunder_eq),
    ("__ne__", dunder_ne),
    ("__lt__", dunder_lt),
    ("__le__", dunder_le),
    ("__gt__", dunder_gt),
    ("__ge__", dunder_ge),
];

const SEQUENCE: &[(&str, BuiltinFn)] = &[
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__contains__", dunder_contains),
    ("__getitem__", dunder_getitem),
    ("__add__", dunder_add),
    ("__mul__", dunder_mul),
    ("__rmul__", dunder_rmul),
];

const LIST_EXTRA: &[(&str, BuiltinFn)] = &[
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
    ("__reversed__", dunder_reversed),
    ("__iadd__", dunder_iadd),
    ("__imul__", dunder_imul),
];

const DICT: &[(&str, BuiltinFn)] = &[
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__contains__", dunder_contains),
    ("__getitem__", dunder_getitem),
    ("__setitem__", dunder_setitem),
    ("__delitem__", dunder_delitem),
    ("__reversed__", dunder_reversed),
    ("__or__", dunder_or),
    ("__ror__", dunder_ror),
    ("__ior__", dunder_ior),
];

const RANGE: &[(&str, BuiltinFn)] = &[
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__contains__", dunder_contains),
    ("__getitem__", dunder_getitem),
    ("__reversed__", dunder_reversed),
];

const ITERATOR: &[(&str, BuiltinFn)] = &[("__next__", dunder_next), ("__iter__", dunder_self)];

const VIEW: &[(&str, BuiltinFn)] = &[
    ("__len__", dunder_len),
    ("__iter__", dunder_iter),
    ("__contains__", dunder_contains),
    ("__reversed__", dunder_reversed),
];

/// The classes of native iterators (see `IterState::type_name`).
pub const ITERATOR_TYPES: &[&str] = &[
    "list_iterator",
    "list_reverseiterator",
    "tuple_iterator",
    "str_ascii_iterator",
    "bytes_iterator",
    "range_iterator",
    "dict_keyiterator",
    "dict_valueiterator",
    "dict_itemiterator",
    "set_iterator",
    "iterator",
    "enumerate",
    "zip",
    "map",
    "filter",
    "reversed",
    "callable_iterator",
    "dict_reversekeyiterator",
    "dict_reversevalueiterator",
    "dict_reverseitemiterator",
];

/// Adds methods that the class does not define yet (type-specific ones win).
fn add(class: &Rc<Class>, owner: &'static str, methods: &[(&'static str, BuiltinFn)]) {
    for (name, f) in methods {
        let sym = intern(name);
        if class.dict.borrow().contains_key(&sym) {
            continue;
        }
        class.set_attr(sym, builtin_value(name, Some(owner), *f));
    }
}

pub fn install(vm: &mut Vm) {
    let t = &vm.types;
    for (cls, owner) in [(&t.list, "list"), (&t.tuple, "tuple"), (&t.bytes, "bytes")] {
        add(cls, owner, SEQUENCE);
        add(cls, owner, COMPARISONS);
    }
    add(&t.list, "list", LIST_EXTRA);
    add(&t.dict, "dict", DICT);
    add(&t.dict, "dict", &COMPARISONS[..2]);
    add(&t.range, "range", RANGE);
    add(&t.range, "range", &COMPARISONS[..2]);
    for cls in [&t.set, &t.frozenset] {
        add(cls, "set", COMPARISONS);
    }
    for name in ITERATOR_TYPES {
        let cls = vm.types.iterator_class(name);
        add(&cls, name, ITERATOR);
    }
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let cls = vm.types.iterator_class(name);
        add(&cls, name, VIEW);
    }
}
