//! `set` and `frozenset` operations. The algebra follows CPython's `setobject.c` loop by loop
//! (which operand is iterated, which is copied first), because that decides the iteration order
//! of the result and so what `print` shows.

use std::cell::RefCell;
use std::rc::Rc;

use super::set::Set;
use crate::compile::code::CompareKind;
use crate::syntax::ast::BinOp;
use crate::vm::object::{Args, BuiltinFn};
use crate::vm::value::{SetRef, Value};
use crate::vm::{PyResult, Vm};

pub const SET_METHODS: &[(&str, BuiltinFn)] = &[
    ("add", set_add),
    ("discard", set_discard),
    ("remove", set_remove),
    ("pop", set_pop),
    ("clear", set_clear),
    ("copy", set_copy),
    ("update", set_update),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("intersection_update", set_intersection_update),
    ("difference_update", set_difference_update),
    (
        "symmetric_difference_update",
        set_symmetric_difference_update,
    ),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

pub const FROZENSET_METHODS: &[(&str, BuiltinFn)] = &[
    ("copy", set_copy),
    ("union", set_union),
    ("intersection", set_intersection),
    ("difference", set_difference),
    ("symmetric_difference", set_symmetric_difference),
    ("issubset", set_issubset),
    ("issuperset", set_issuperset),
    ("isdisjoint", set_isdisjoint),
];

fn set_ref(vm: &Vm, v: &Value) -> PyResult<SetRef> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.clone()),
        _ => Err(vm.type_error(format!(
            "descriptor requires a 'set' object but received a '{}'",
            vm.type_name(v)
        ))),
    }
}

fn new_like(template: &Value, set: Set) -> Value {
    let r = Rc::new(RefCell::new(set));
    match template {
        Value::FrozenSet(_) => Value::FrozenSet(r),
        _ => Value::Set(r),
    }
}

/// A copy of `s`, through CPython's `set_merge` so the table layout matches.
fn copy_set(vm: &mut Vm, s: &SetRef) -> Set {
    let mut out = Set::new();
    let src = s.borrow().clone();
    let _ = out.merge::<()>(&src, &mut |_, _| Ok(false));
    let _ = vm;
    out
}

/// Items of any iterable as a set (for operands that are not sets).
fn as_set(vm: &mut Vm, v: &Value) -> PyResult<SetRef> {
    match v {
        Value::Set(s) | Value::FrozenSet(s) => Ok(s.clone()),
        other => {
            let items = vm.collect(other)?;
            let set = vm.new_set(items)?;
            set_ref(vm, &set)
        }
    }
}

fn add_all(vm: &mut Vm, target: &Value, items: Vec<Value>) -> PyResult<()> {
    for item in items {
        vm.set_add(target, item)?;
    }
    Ok(())
}

pub fn union(vm: &mut Vm, a: &Value, others: &[Value]) -> PyResult<Value> {
    let s = set_ref(vm, a)?;
    let result = new_like(a, copy_set(vm, &s));
    for o in others {
        update_from(vm, &result, o)?;
    }
    Ok(result)
}

fn update_from(vm: &mut Vm, target: &Value, other: &Value) -> PyResult<()> {
    match other {
        Value::Set(o) | Value::FrozenSet(o) => {
            let src = o.borrow().clone();
            let t = set_ref(vm, target)?;
            let needs_vm = src.iter().any(|(_, k)| matches!(k, Value::Instance(_)));
            if needs_vm {
                add_all(vm, target, src.keys())
            } else {
                let _ = t.borrow_mut().merge::<()>(&src, &mut |_, _| Ok(false));
                Ok(())
            }
        }
        Value::Dict(d) => {
            let keys = d.borrow().keys();
            set_ref(vm, target)?.borrow_mut().reserve_for(keys.len());
            add_all(vm, target, keys)
        }
        _ => {
            let items = vm.collect(other)?;
            add_all(vm, target, items)
        }
    }
}

pub fn intersection(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let s = set_ref(vm, a)?;
    let result = new_like(a, Set::new());
    match other {
        Value::Set(o) | Value::FrozenSet(o) => {
            // Iterate the smaller set, look up in the larger.
            let (small, large) = if o.borrow().len() > s.borrow().len() {
                (s.clone(), o.clone())
            } else {
                (o.clone(), s.clone())
            };
            let items = small.borrow().keys();
            for k in items {
                if vm.set_contains(&large, &k)? {
                    vm.set_add(&result, k)?;
                }
            }
        }
        _ => {
            for k in vm.collect(other)? {
                if vm.set_contains(&s, &k)? {
                    vm.set_add(&result, k)?;
                }
            }
        }
    }
    Ok(result)
}

pub fn difference(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let s = set_ref(vm, a)?;
    let other_set = as_set(vm, other)?;
    let other_len = other_set.borrow().len();
    if (s.borrow().len() >> 2) > other_len {
        let result = new_like(a, copy_set(vm, &s));
        let r = set_ref(vm, &result)?;
        for k in other_set.borrow().keys() {
            vm.set_discard(&r, &k)?;
        }
        return Ok(result);
    }
    let result = new_like(a, Set::new());
    for k in s.borrow().keys() {
        if !vm.set_contains(&other_set, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(result)
}

pub fn symmetric_difference(vm: &mut Vm, a: &Value, other: &Value) -> PyResult<Value> {
    let o = as_set(vm, other)?;
    let result = new_like(a, copy_set(vm, &o));
    let r = set_ref(vm, &result)?;
    let s = set_ref(vm, a)?;
    for k in s.borrow().keys() {
        if !vm.set_discard(&r, &k)? {
            vm.set_add(&result, k)?;
        }
    }
    Ok(result)
}

pub fn binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    match op {
        BinOp::BitOr => union(vm, a, std::slice::from_ref(b)),
        BinOp::BitAnd => intersection(vm, a, b),
        BinOp::Sub => difference(vm, a, b),
        _ => symmetric_difference(vm, a, b),
    }
}

pub fn inplace(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> PyResult<Value> {
    let s = set_ref(vm, a)?;
    match op {
        BinOp::BitOr => update_from(vm, a, b)?,
        BinOp::Sub => {
            let o = as_set(vm, b)?;
            for k in o.borrow().keys() {
                vm.set_discard(&s, &k)?;
            }
        }
        _ => {
            let r = binary(vm, op, a, b)?;
            let r = set_ref(vm, &r)?;
            let new = r.borrow().clone();
            *s.borrow_mut() = new;
        }
    }
    Ok(a.clone())
}

fn is_subset(vm: &mut Vm, a: &SetRef, b: &SetRef) -> PyResult<bool> {
    if a.borrow().len() > b.borrow().len() {
        return Ok(false);
    }
    for k in a.borrow().keys() {
        if !vm.set_contains(b, &k)? {
            return Ok(false);
        }
    }
    Ok(true)
}

pub fn compare(vm: &mut Vm, kind: CompareKind, a: &Value, b: &Value) -> PyResult<bool> {
    let (x, y) = (set_ref(vm, a)?, set_ref(vm, b)?);
    let (lx, ly) = (x.borrow().len(), y.borrow().len());
    Ok(match kind {
        CompareKind::Eq => lx == ly && is_subset(vm, &x, &y)?,
        CompareKind::Ne => !(lx == ly && is_subset(vm, &x, &y)?),
        CompareKind::Le => is_subset(vm, &x, &y)?,
        CompareKind::Lt => lx < ly && is_subset(vm, &x, &y)?,
        CompareKind::Ge => is_subset(vm, &y, &x)?,
        CompareKind::Gt => lx > ly && is_subset(vm, &y, &x)?,
    })
}

fn this(args: &Args) -> Value {
    args.pos.first().cloned().unwrap_or(Value::None)
}

fn arg1(vm: &Vm, args: &Args, name: &str) -> PyResult<Value> {
    args.pos
        .get(1)
        .cloned()
        .ok_or_else(|| vm.type_error(format!("{name}() takes exactly one argument (0 given)")))
}

fn set_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let item = arg1(vm, &args, "set.add")?;
    vm.set_add(&this(&args), item)?;
    Ok(Value::None)
}

fn set_discard(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let item = arg1(vm, &args, "set.discard")?;
    let s = set_ref(vm, &this(&args))?;
    vm.set_discard(&s, &item)?;
    Ok(Value::None)
}

fn set_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let item = arg1(vm, &args, "set.remove")?;
    let s = set_ref(vm, &this(&args))?;
    if !vm.set_discard(&s, &item)? {
        return Err(vm.key_error(item));
    }
    Ok(Value::None)
}

fn set_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = set_ref(vm, &this(&args))?;
    let popped = s.borrow_mut().pop();
    popped.ok_or_else(|| vm.key_error(Value::str("pop from an empty set")))
}

fn set_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    set_ref(vm, &this(&args))?.borrow_mut().clear();
    Ok(Value::None)
}

fn set_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = this(&args);
    let s = set_ref(vm, &a)?;
    Ok(new_like(&a, copy_set(vm, &s)))
}

fn set_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = this(&args);
    for o in &args.pos[1..] {
        update_from(vm, &a, o)?;
    }
    Ok(Value::None)
}

fn set_union(vm: &mut Vm, args: Args) -> PyResult<Value> {
    union(vm, &this(&args), &args.pos[1..])
}

fn set_intersection(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut r = this(&args);
    if args.pos.len() == 1 {
        return set_copy(vm, args);
    }
    for o in &args.pos[1..] {
        r = intersection(vm, &r, o)?;
    }
    Ok(r)
}

fn set_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let mut r = this(&args);
    if args.pos.len() == 1 {
        return set_copy(vm, args);
    }
    for o in &args.pos[1..] {
        r = difference(vm, &r, o)?;
    }
    Ok(r)
}

fn set_symmetric_difference(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = arg1(vm, &args, "symmetric_difference")?;
    symmetric_difference(vm, &this(&args), &o)
}

fn replace_contents(vm: &mut Vm, target: &Value, from: &Value) -> PyResult<Value> {
    let t = set_ref(vm, target)?;
    let f = set_ref(vm, from)?;
    let new = f.borrow().clone();
    *t.borrow_mut() = new;
    Ok(Value::None)
}

fn set_intersection_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = this(&args);
    let mut r = a.clone();
    for o in &args.pos[1..] {
        r = intersection(vm, &r, o)?;
    }
    replace_contents(vm, &a, &r)
}

fn set_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = this(&args);
    let s = set_ref(vm, &a)?;
    for o in &args.pos[1..] {
        for k in vm.collect(o)? {
            vm.set_discard(&s, &k)?;
        }
    }
    Ok(Value::None)
}

fn set_symmetric_difference_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let a = this(&args);
    let o = arg1(vm, &args, "symmetric_difference_update")?;
    let s = set_ref(vm, &a)?;
    let other = as_set(vm, &o)?;
    for k in other.borrow().keys() {
        if !vm.set_discard(&s, &k)? {
            vm.set_add(&a, k)?;
        }
    }
    Ok(Value::None)
}

fn set_issubset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = arg1(vm, &args, "issubset")?;
    let a = set_ref(vm, &this(&args))?;
    let b = as_set(vm, &o)?;
    Ok(Value::Bool(is_subset(vm, &a, &b)?))
}

fn set_issuperset(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = arg1(vm, &args, "issuperset")?;
    let a = set_ref(vm, &this(&args))?;
    let b = as_set(vm, &o)?;
    Ok(Value::Bool(is_subset(vm, &b, &a)?))
}

fn set_isdisjoint(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let o = arg1(vm, &args, "isdisjoint")?;
    let a = set_ref(vm, &this(&args))?;
    for k in vm.collect(&o)? {
        if vm.set_contains(&a, &k)? {
            return Ok(Value::Bool(false));
        }
    }
    Ok(Value::Bool(true))
}
