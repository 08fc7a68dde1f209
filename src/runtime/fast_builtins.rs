//! VM-free fast paths of the builtins that hot loops call most: `len`, `ord`, `list.append`,
//! `dict.get`, and `str`'s `upper`, `lower`, `split`, `join`, `replace` and `count` (those live
//! with their builtins in `str_methods`). The fast loop (`vm::fastpath`) calls one in place of
//! the builtin, with the call's positional arguments as they lie on the value stack, as CPython
//! 3.11 specializes its calls of `len` and `list.append`. A fast path answers only the common
//! case that needs no VM: no error to raise, no Python code to run, no subclass. For anything
//! else it returns `None` having changed nothing, and the VM calls the builtin.

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
        (Some("str"), "upper") => super::str_methods::upper_fast,
        (Some("str"), "lower") => super::str_methods::lower_fast,
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
    match d.find_plain(key)? {
        Some(at) => d.entry_at(at).map(|e| e.value.clone()),
        None => Some(default.cloned().unwrap_or(Value::None)),
    }
}
