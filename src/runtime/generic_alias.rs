//! `list[int]` (`types.GenericAlias`) and `int | None` (`types.UnionType`): what annotations
//! evaluate to. They print like CPython's, compare by their parts, can be called (a generic
//! alias creates its origin) and unions work with `isinstance`.

use std::rc::Rc;

use super::types::builtin_value;
use crate::vm::object::{Args, BuiltinFn, Class, Instance, Payload};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

const ALIAS: &str = "GenericAlias";
const UNION: &str = "UnionType";

fn class(vm: &Vm, name: &'static str) -> Rc<Class> {
    let cls = vm.types.iterator_class(name);
    if !cls.dict.borrow().contains_key(&intern("__repr__")) {
        let methods: &[(&str, BuiltinFn)] = &[
            ("__repr__", alias_repr),
            ("__eq__", alias_eq),
            ("__hash__", alias_hash),
            ("__or__", alias_or),
            ("__ror__", alias_ror),
            ("__call__", alias_call),
        ];
        for (n, f) in methods {
            cls.set_attr(intern(n), builtin_value(n, Some(name), *f));
        }
    }
    cls
}

fn is_kind(v: &Value, name: &str) -> bool {
    matches!(v, Value::Instance(i) if i.class.name == name && i.class.module == "builtins")
}

pub fn is_alias(v: &Value) -> bool {
    is_kind(v, ALIAS)
}

pub fn is_union(v: &Value) -> bool {
    is_kind(v, UNION)
}

fn field(v: &Value, name: &str) -> Value {
    match v {
        Value::Instance(i) => super::instdict::get(i, intern(name)).unwrap_or(Value::None),
        _ => Value::None,
    }
}

/// The members of a union (`__args__`).
pub fn union_args(v: &Value) -> Vec<Value> {
    match field(v, "__args__") {
        Value::Tuple(t) => t.to_vec(),
        _ => vec![],
    }
}

/// `cls[index]` for a builtin class: a generic alias.
pub fn subscript(vm: &Vm, origin: &Value, index: &Value) -> Value {
    let args = match index {
        Value::Tuple(t) => Value::Tuple(t.clone()),
        other => Value::tuple(vec![other.clone()]),
    };
    let inst = Instance::new(class(vm, ALIAS), Payload::Plain);
    super::instdict::set(&inst, intern("__origin__"), origin.clone());
    super::instdict::set(&inst, intern("__args__"), args);
    Value::Instance(Rc::new(inst))
}

/// Can `v` take part in `X | Y` between types?
fn unionable(vm: &Vm, v: &Value) -> bool {
    let _ = vm;
    matches!(v, Value::Class(_) | Value::None) || is_alias(v) || is_union(v)
}

/// `a | b` between types (`None` when either side is not a type: NotImplemented).
pub fn union(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<Option<Value>> {
    if !unionable(vm, a) || !unionable(vm, b) {
        return Ok(None);
    }
    let mut members: Vec<Value> = Vec::new();
    for side in [a, b] {
        let parts = if is_union(side) {
            union_args(side)
        } else {
            vec![side.clone()]
        };
        for p in parts {
            // `None` is stored as its type, as CPython does.
            let p = if p.is_none() {
                Value::Class(vm.types.none_type.clone())
            } else {
                p
            };
            let mut dup = false;
            for m in &members {
                if vm.eq(m, &p)? {
                    dup = true;
                    break;
                }
            }
            if !dup {
                members.push(p);
            }
        }
    }
    if members.len() == 1 {
        return Ok(members.pop());
    }
    let inst = Instance::new(class(vm, UNION), Payload::Plain);
    super::instdict::set(&inst, intern("__args__"), Value::tuple(members));
    Ok(Some(Value::Instance(Rc::new(inst))))
}

/// `typing._type_repr`: classes by (qualified) name, `...` for Ellipsis, else `repr`.
fn type_repr(vm: &mut Vm, v: &Value) -> PyResult<String> {
    Ok(match v {
        Value::Class(c) if Rc::ptr_eq(c, &vm.types.none_type) => "None".to_string(),
        Value::Class(c) if c.module == "builtins" => c.qualname.clone(),
        Value::Class(c) => format!("{}.{}", c.module, c.qualname),
        Value::Ellipsis => "...".to_string(),
        other => vm.repr(other)?,
    })
}

fn alias_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    if is_union(&this) {
        let mut parts = Vec::new();
        for a in union_args(&this) {
            parts.push(type_repr(vm, &a)?);
        }
        return Ok(Value::string(parts.join(" | ")));
    }
    let origin = type_repr(vm, &field(&this, "__origin__"))?;
    let mut parts = Vec::new();
    if let Value::Tuple(t) = field(&this, "__args__") {
        if t.is_empty() {
            parts.push("()".to_string());
        }
        for a in t.iter() {
            parts.push(type_repr(vm, a)?);
        }
    }
    Ok(Value::string(format!("{origin}[{}]", parts.join(", "))))
}

fn alias_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    if is_union(a) && is_union(b) {
        // Unions compare as sets of members.
        let (x, y) = (union_args(a), union_args(b));
        if x.len() != y.len() {
            return Ok(Value::FALSE);
        }
        for m in &x {
            let mut found = false;
            for n in &y {
                if vm.eq(m, n)? {
                    found = true;
                    break;
                }
            }
            if !found {
                return Ok(Value::FALSE);
            }
        }
        return Ok(Value::TRUE);
    }
    if is_alias(a) && is_alias(b) {
        let same = vm.eq(&field(a, "__origin__"), &field(b, "__origin__"))?
            && vm.eq(&field(a, "__args__"), &field(b, "__args__"))?;
        return Ok(Value::bool(same));
    }
    Ok(Value::NotImplemented)
}

fn alias_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    if is_union(&this) {
        let mut h: i64 = 0;
        for m in union_args(&this) {
            h ^= vm.hash(&m)?;
        }
        return Ok(Value::Int(h));
    }
    let a = vm.hash(&field(&this, "__origin__"))?;
    let b = vm.hash(&field(&this, "__args__"))?;
    Ok(Value::Int(a ^ b))
}

fn alias_or(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    Ok(union(vm, a, b)?.unwrap_or(Value::NotImplemented))
}

fn alias_ror(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(a), Some(b)) = (args.pos.first(), args.pos.get(1)) else {
        return Ok(Value::NotImplemented);
    };
    Ok(union(vm, b, a)?.unwrap_or(Value::NotImplemented))
}

fn alias_call(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    if is_union(&this) {
        return Err(vm.type_error("'types.UnionType' object is not callable"));
    }
    let origin = field(&this, "__origin__");
    vm.call_kw(&origin, &args.pos[1..], args.kw)
}
