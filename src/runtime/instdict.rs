//! Instance attribute storage. Attributes normally live in the instance's symbol-keyed
//! `AttrMap` (fast, no string hashing). The first time Python code asks for `obj.__dict__`
//! (or `vars(obj)`), the attributes move into a real `dict`, which then *is* the namespace:
//! `obj.__dict__ is vars(obj)`, and `obj.__dict__.update(...)` or `obj.__dict__[k] = v` change
//! the attributes, as in CPython. A promoted instance's map holds just `__dict__` → that dict.

use std::cell::RefCell;
use std::rc::Rc;

use super::dict::Dict;
use crate::vm::object::Instance;
use crate::vm::symbol::{intern, sym, Symbol};
use crate::vm::value::{DictRef, Value};

fn str_key(name: Symbol) -> (i64, Value) {
    let key = Value::str(name.as_str());
    let hash = match &key {
        Value::Str(s) => s.hash(),
        _ => 0,
    };
    (hash, key)
}

/// The promoted dict, if `__dict__` was taken.
pub fn promoted(inst: &Instance) -> Option<DictRef> {
    let map = inst.dict.borrow();
    match map.first() {
        Some((k, Value::Dict(d))) if *k == sym::DICT => Some(d.clone()),
        _ => None,
    }
}

/// `obj.name` from the instance namespace. The common case, an attribute in the map, is
/// inline; the promoted dict is looked at out of line.
#[inline]
pub fn get(inst: &Instance, name: Symbol) -> Option<Value> {
    let map = inst.dict.borrow();
    match map.get(&name) {
        // A promoted map holds only `__dict__`, which is the right answer for that name.
        Some(v) => Some(v.clone()),
        None => {
            drop(map);
            get_promoted(inst, name)
        }
    }
}

/// `get` of a name the map lacks: the promoted dict's entry, if `__dict__` was taken.
#[inline(never)]
fn get_promoted(inst: &Instance, name: Symbol) -> Option<Value> {
    let map = inst.dict.borrow();
    match map.first() {
        Some((k, Value::Dict(d))) if *k == sym::DICT => d.borrow().get_str(name.as_str()).cloned(),
        _ => None,
    }
}

#[inline]
pub fn contains(inst: &Instance, name: Symbol) -> bool {
    let map = inst.dict.borrow();
    if map.contains_key(&name) {
        return true;
    }
    match map.first() {
        Some((k, Value::Dict(d))) if *k == sym::DICT => d.borrow().get_str(name.as_str()).is_some(),
        _ => false,
    }
}

pub fn set(inst: &Instance, name: Symbol, value: Value) {
    let mut map = inst.dict.borrow_mut();
    // The common case first: the attribute exists (a promoted map holds only `__dict__`,
    // which is never stored through here).
    if name != sym::DICT {
        if let Some(slot) = map.get_mut(&name) {
            let old = std::mem::replace(slot, value);
            // (The old value goes after the borrow ends: dropping it may run code.)
            drop(map);
            old.discard();
            return;
        }
    }
    let promoted = match map.first() {
        Some((k, Value::Dict(d))) if *k == sym::DICT => Some(d.clone()),
        _ => None,
    };
    match promoted {
        None => {
            let old = map.insert(name, value);
            // (The old value goes after the borrow ends: dropping it may run code.)
            drop(map);
            drop(old);
        }
        Some(d) => {
            drop(map);
            let (hash, key) = str_key(name);
            d.borrow_mut().insert_fast(hash, key, value);
        }
    }
}

pub fn remove(inst: &Instance, name: Symbol) -> Option<Value> {
    if let Some(d) = promoted(inst) {
        let (hash, key) = str_key(name);
        let mut d = d.borrow_mut();
        let idx = d.find_fast(hash, &key)?;
        return d.remove_at(idx).map(|e| e.value);
    }
    inst.dict.borrow_mut().shift_remove(&name)
}

/// Attribute names and values in insertion order (string keys only).
pub fn items(inst: &Instance) -> Vec<(Symbol, Value)> {
    if let Some(d) = promoted(inst) {
        return d
            .borrow()
            .iter()
            .filter_map(|e| match &e.key {
                Value::Str(s) => Some((intern(s.as_str()), e.value.clone())),
                _ => None,
            })
            .collect();
    }
    inst.dict
        .borrow()
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect()
}

pub fn names(inst: &Instance) -> Vec<String> {
    items(inst)
        .into_iter()
        .map(|(k, _)| k.as_str().to_string())
        .collect()
}

/// `obj.__dict__`: the namespace as a dict, promoting it on first use.
pub fn dict_value(inst: &Instance) -> Value {
    if let Some(d) = promoted(inst) {
        return Value::Dict(d);
    }
    let mut map = inst.dict.borrow_mut();
    let mut d = Dict::with_capacity(map.len());
    for (k, v) in map.iter() {
        let (hash, key) = str_key(*k);
        d.push_new(hash, key, v.clone());
    }
    let d = Rc::new(RefCell::new(d));
    map.clear();
    map.insert(sym::DICT, Value::Dict(d.clone()));
    Value::Dict(d)
}

/// `obj.__dict__ = d`.
pub fn replace(inst: &Instance, d: DictRef) {
    let mut map = inst.dict.borrow_mut();
    map.clear();
    map.insert(sym::DICT, Value::Dict(d));
}
