//! Methods of `dict` and its views.

use crate::runtime::iter::{new_iter, IterState, ViewKind};
use crate::runtime::methargs::{check, Conv};
use crate::vm::object::{Args, BuiltinFn, Payload};
use crate::vm::value::{DictRef, Value};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("keys", dict_keys),
    ("values", dict_values),
    ("items", dict_items),
    ("get", dict_get),
    ("setdefault", dict_setdefault),
    ("pop", dict_pop),
    ("popitem", dict_popitem),
    ("update", dict_update),
    ("clear", dict_clear),
    ("copy", dict_copy),
    ("__getitem__", dict_getitem),
    ("__setitem__", dict_setitem),
    ("__contains__", dict_contains),
];

pub const VIEW_METHODS: &[(&str, BuiltinFn)] = &[];

pub fn this_dict(vm: &Vm, args: &Args, name: &str) -> PyResult<DictRef> {
    match args.pos.first() {
        Some(Value::Dict(d)) => Ok(d.clone()),
        Some(Value::Instance(i)) => match &i.payload {
            Payload::Boxed(b) => match &*b.borrow() {
                Value::Dict(d) => Ok(d.clone()),
                _ => Err(not_a_dict(vm, &args.pos[0], name)),
            },
            _ => Err(not_a_dict(vm, &args.pos[0], name)),
        },
        Some(other) => Err(not_a_dict(vm, other, name)),
        None if name == "__setitem__" => Err(vm.type_error(format!(
            "descriptor '{name}' of 'dict' object needs an argument"
        ))),
        None => Err(vm.type_error(format!("unbound method dict.{name}() needs an argument"))),
    }
}

/// The error of a `dict` method called on something else: `dict.get([], 1)`.
fn not_a_dict(vm: &Vm, v: &Value, name: &str) -> crate::vm::PyErr {
    // `__setitem__` is a slot wrapper in CPython, which words it differently.
    if name == "__setitem__" {
        return vm.type_error(format!(
            "descriptor '{name}' requires a 'dict' object but received a '{}'",
            vm.type_name(v)
        ));
    }
    vm.type_error(format!(
        "descriptor '{name}' for 'dict' objects doesn't apply to a '{}' object",
        vm.type_name(v)
    ))
}

/// The argument check of a `METH_NOARGS` method. CPython words it "dict.keys()" when the
/// method is called directly (`d.keys(1)`) but with the receiver's class when a bound method
/// object is called (`m = d.keys; m(1)`); the direct form is the common one.
fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    check(vm, args, "dict", name, Conv::NoArgs, 0, 0)
}

fn view(vm: &Vm, args: &Args, kind: ViewKind) -> PyResult<Value> {
    let name = match kind {
        ViewKind::Keys => "keys",
        ViewKind::Values => "values",
        ViewKind::Items => "items",
    };
    no_args(vm, args, name)?;
    Ok(new_iter(IterState::DictView(
        kind,
        this_dict(vm, args, name)?,
    )))
}

fn dict_keys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, &args, ViewKind::Keys)
}

fn dict_values(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, &args, ViewKind::Values)
}

fn dict_items(vm: &mut Vm, args: Args) -> PyResult<Value> {
    view(vm, &args, ViewKind::Items)
}

fn dict_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "get")?;
    check(vm, &args, "dict", "get", Conv::Clinic, 1, 2)?;
    let key = &args.pos[1];
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    Ok(vm.dict_get(&d, key)?.unwrap_or(default))
}

fn dict_setdefault(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "setdefault")?;
    check(vm, &args, "dict", "setdefault", Conv::Clinic, 1, 2)?;
    let key = &args.pos[1];
    if let Some(v) = vm.dict_get(&d, key)? {
        return Ok(v);
    }
    let default = args.pos.get(2).cloned().unwrap_or(Value::None);
    vm.dict_set(&d, key.clone(), default.clone())?;
    Ok(default)
}

fn dict_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "pop")?;
    check(vm, &args, "dict", "pop", Conv::Clinic, 1, 2)?;
    let key = &args.pos[1];
    match vm.dict_remove(&d, key)? {
        Some(v) => Ok(v),
        None => match args.pos.get(2) {
            Some(default) => Ok(default.clone()),
            None => Err(vm.key_error(key.clone())),
        },
    }
}

fn dict_popitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "popitem")?;
    check(vm, &args, "dict", "popitem", Conv::NoArgs, 0, 0)?;
    let last = d.borrow_mut().pop_last();
    match last {
        Some(e) => Ok(Value::tuple(vec![e.key, e.value])),
        None => Err(vm.key_error(Value::str("popitem(): dictionary is empty"))),
    }
}

fn dict_update(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "update")?;
    let target = Value::Dict(d.clone());
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "update expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
    if let Some(other) = args.pos.get(1) {
        vm.dict_update_from(&target, other, false)?;
    }
    for (k, v) in args.kw {
        vm.dict_set(&d, Value::str(k.as_str()), v.clone())?;
    }
    Ok(Value::None)
}

fn dict_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "clear")?;
    no_args(vm, &args, "clear")?;
    d.borrow_mut().clear();
    Ok(Value::None)
}

fn dict_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "copy")?;
    no_args(vm, &args, "copy")?;
    let copy = d.borrow().clone();
    Ok(Value::dict(copy))
}

fn dict_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "__getitem__")?;
    check(vm, &args, "dict", "__getitem__", Conv::One, 1, 1)?;
    let key = args.pos[1].clone();
    match vm.dict_get(&d, &key)? {
        Some(v) => Ok(v),
        None => {
            // A subclass may supply missing keys (`collections.defaultdict`-style).
            if let Some(this @ Value::Instance(inst)) = args.pos.first() {
                if let Some(m) = inst.class.lookup(crate::vm::symbol::intern("__missing__")) {
                    return vm.call_bound(m, this.clone(), &[key]);
                }
            }
            Err(vm.key_error(key))
        }
    }
}

fn dict_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "__setitem__")?;
    // A slot wrapper: CPython's `PyArg_UnpackTuple` with an empty name words it this way.
    if !args.kw.is_empty() {
        return Err(vm.type_error("wrapper __setitem__() takes no keyword arguments"));
    }
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!(
            " expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let key = args.pos[1].clone();
    let value = args.pos[2].clone();
    vm.dict_set(&d, key, value)?;
    Ok(Value::None)
}

fn dict_contains(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let d = this_dict(vm, &args, "__contains__")?;
    check(vm, &args, "dict", "__contains__", Conv::One, 1, 1)?;
    let key = args.pos[1].clone();
    Ok(Value::bool(vm.dict_get(&d, &key)?.is_some()))
}

/// `dict.fromkeys(iterable, value=None)` (a class method).
pub fn dict_fromkeys(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "dict", "fromkeys", Conv::Clinic, 1, 2)?;
    let iterable = args.pos[1].clone();
    let value = args.pos.get(2).cloned().unwrap_or(Value::None);
    let d = std::rc::Rc::new(std::cell::RefCell::new(super::dict::Dict::new()));
    for k in vm.collect(&iterable)? {
        vm.dict_set(&d, k, value.clone())?;
    }
    Ok(Value::Dict(d))
}
