//! VM-free fast paths of the builtins that hot loops call most: `len`, `ord`, `list.append`,
//! `dict.get`, and `str`'s `upper`, `lower`, `split`, `join`, `replace` and `count` (the last
//! four live with their builtins in `str_methods`). The fast loop (`vm::fastpath`) calls one in
//! place of the builtin, with the call's positional arguments as they lie on the value stack,
//! as CPython 3.11 specializes its calls of `len` and `list.append`. A fast path answers only
//! the common case that needs no VM: no error to raise, no Python code to run, no subclass.
//! For anything else it returns `None` having changed nothing, and the VM calls the builtin.

use super::dict::Dict;
use crate::vm::object::FastFn;
use crate::vm::value::Value;

/// The fast path of the builtin `name` (`owner` is the class of a method, `None` for a
/// function of `builtins`), if it has one.
pub fn lookup(owner: Option<&str>, name: &str) -> Option<FastFn> {
    Some(match (owner, name) {
        (None, "len") => len,
        (None, "ord") => ord,
        (Some("list"), "append") => list_append,
        (Some("dict"), "get") => dict_get,
        (Some("str"), "upper") => str_upper,
        (Some("str"), "lower") => str_lower,
        (Some("str"), "split") => super::str_methods::split_fast,
        (Some("str"), "join") => super::str_methods::join_fast,
        (Some("str"), "replace") => super::str_methods::replace_fast,
        (Some("str"), "count") => super::str_methods::count_fast,
        _ => return None,
    })
}

/// `len(x)` of a builtin container.
fn len(args: &[Value]) -> Option<Value> {
    let [x] = args else { return None };
    let n = match x {
        Value::Str(s) => s.char_len(),
        Value::Bytes(b) => b.len(),
        Value::List(l) => l.try_borrow().ok()?.len(),
        Value::Tuple(t) => t.len(),
        Value::Dict(d) => d.try_borrow().ok()?.len(),
        Value::Set(s) | Value::FrozenSet(s) => s.try_borrow().ok()?.len(),
        _ => return None,
    };
    Some(Value::Int(n as i64))
}

/// `ord(c)` of a one-character str.
fn ord(args: &[Value]) -> Option<Value> {
    let [Value::Str(s)] = args else { return None };
    let mut chars = s.as_str().chars();
    match (chars.next(), chars.next()) {
        (Some(c), None) => Some(Value::Int(c as i64)),
        _ => None,
    }
}

/// `list.append(l, x)`.
fn list_append(args: &[Value]) -> Option<Value> {
    let [Value::List(l), x] = args else {
        return None;
    };
    l.try_borrow_mut().ok()?.push(x.clone());
    Some(Value::None)
}

/// `dict.get(d, key[, default])` with a str or int key.
fn dict_get(args: &[Value]) -> Option<Value> {
    let (d, key, default) = match args {
        [Value::Dict(d), key] => (d, key, None),
        [Value::Dict(d), key, default] => (d, key, Some(default)),
        _ => return None,
    };
    let d = d.try_borrow().ok()?;
    match find_plain_key(&d, key)? {
        Some(value) => Some(value),
        None => Some(default.cloned().unwrap_or(Value::None)),
    }
}

/// The value of `key` in `d`, when the answer needs no Python `__eq__` or `__hash__`: a str or
/// int key that is found, or is absent from a dict holding only such keys. `Some(None)` is
/// "absent"; `None` is "ask the VM".
fn find_plain_key(d: &Dict, key: &Value) -> Option<Option<Value>> {
    let hash = plain_key_hash(key)?;
    match d.find_fast(hash, key) {
        Some(at) => d.entry_at(at).map(|e| Some(e.value.clone())),
        None => (!d.has_slow_keys()).then_some(None),
    }
}

/// The hash of a dict key whose hash and equality need no Python code and no VM (str, int).
#[inline(always)]
pub fn plain_key_hash(key: &Value) -> Option<i64> {
    match key {
        Value::Str(s) => Some(s.hash()),
        Value::Int(i) => Some(super::num::hash_int(*i)),
        _ => None,
    }
}

/// `str.upper(s)` of ASCII text.
fn str_upper(args: &[Value]) -> Option<Value> {
    let [Value::Str(s)] = args else { return None };
    s.is_ascii()
        .then(|| super::str::ascii_value(s.as_str().to_ascii_uppercase()))
}

/// `str.lower(s)` of ASCII text.
fn str_lower(args: &[Value]) -> Option<Value> {
    let [Value::Str(s)] = args else { return None };
    s.is_ascii()
        .then(|| super::str::ascii_value(s.as_str().to_ascii_lowercase()))
}
