//! Methods of `str`, with CPython 3.11's semantics and error messages. Indices (`find`,
//! `count`, `startswith`, ... with `start`/`end`) are code-point indices; ASCII strings take a
//! byte-indexed fast path. Character properties and case mappings come from `ucd`.

use std::rc::Rc;

use super::methargs::{adjust_indices, check, check_count, parse_kw, slice_bound, ssize_arg, Conv};
use super::str::{PyStr, StrBuilder};
use super::ucd;
use crate::vm::object::{Args, BuiltinFn, Instance, Payload};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("join", str_join),
    ("split", str_split),
    ("rsplit", str_rsplit),
    ("splitlines", str_splitlines),
    ("strip", str_strip),
    ("lstrip", str_lstrip),
    ("rstrip", str_rstrip),
    ("upper", str_upper),
    ("lower", str_lower),
    ("title", str_title),
    ("capitalize", str_capitalize),
    ("swapcase", str_swapcase),
    ("casefold", str_casefold),
    ("replace", str_replace),
    ("startswith", str_startswith),
    ("endswith", str_endswith),
    ("find", str_find),
    ("rfind", str_rfind),
    ("index", str_index),
    ("rindex", str_rindex),
    ("count", str_count),
    ("format", str_format),
    ("format_map", str_format_map),
    ("encode", str_encode),
    ("center", str_center),
    ("ljust", str_ljust),
    ("rjust", str_rjust),
    ("zfill", str_zfill),
    ("expandtabs", str_expandtabs),
    ("partition", str_partition),
    ("rpartition", str_rpartition),
    ("removeprefix", str_removeprefix),
    ("removesuffix", str_removesuffix),
    ("isdigit", str_isdigit),
    ("isdecimal", str_isdecimal),
    ("isnumeric", str_isnumeric),
    ("isalpha", str_isalpha),
    ("isalnum", str_isalnum),
    ("isspace", str_isspace),
    ("isupper", str_isupper),
    ("islower", str_islower),
    ("istitle", str_istitle),
    ("isidentifier", str_isidentifier),
    ("isprintable", str_isprintable),
    ("isascii", str_isascii),
    ("translate", str_translate),
];

/// Installs `str`'s methods, including the static method `str.maketrans`.
pub fn install(vm: &mut Vm) {
    let cls = vm.types.str.clone();
    let maketrans = super::types::builtin_value("maketrans", Some("str"), str_maketrans);
    let sm = Value::Instance(Rc::new(Instance::new(
        vm.types.staticmethod.clone(),
        Payload::static_method(maketrans),
    )));
    cls.set_attr(crate::vm::symbol::intern("maketrans"), sm);
}

/// The `str` inside `v`, also for instances of `str` subclasses.
pub fn as_pystr(v: &Value) -> Option<PyStr> {
    match v {
        Value::Str(s) => Some(s.clone()),
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => match &*b.borrow() {
                Value::Str(s) => Some(s.clone()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

/// The receiver of method `name`, with CPython's messages when it is missing or not a `str`.
#[inline]
fn recv(vm: &Vm, args: &Args, name: &str) -> PyResult<PyStr> {
    match args.pos.first() {
        Some(Value::Str(s)) => Ok(s.clone()),
        _ => recv_other(vm, args, name),
    }
}

/// `recv` of anything but an exact `str`: a str subclass's instance, or an error.
#[cold]
#[inline(never)]
fn recv_other(vm: &Vm, args: &Args, name: &str) -> PyResult<PyStr> {
    match args.pos.first() {
        Some(v) => as_pystr(v).ok_or_else(|| {
            vm.type_error(format!(
                "descriptor '{name}' for 'str' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))
        }),
        None => Err(vm.type_error(format!("unbound method str.{name}() needs an argument"))),
    }
}

/// Receiver plus a check of the argument count and keywords.
#[inline]
fn recv_checked(
    vm: &Vm,
    args: &Args,
    name: &str,
    conv: Conv,
    min: usize,
    max: usize,
) -> PyResult<PyStr> {
    let s = recv(vm, args, name)?;
    check(vm, args, "str", name, conv, min, max)?;
    Ok(s)
}

/// A `str` argument: "must be str, not int".
fn str_param(vm: &Vm, v: &Value) -> PyResult<PyStr> {
    as_pystr(v).ok_or_else(|| vm.type_error(format!("must be str, not {}", vm.type_name(v))))
}

/// Byte offset of code point `i` (`i <= char_len`).
fn byte_at(s: &PyStr, i: i64) -> usize {
    s.byte_offset(i.max(0) as usize)
}

/// Code points in `text[..b]`.
fn chars_before(s: &PyStr, b: usize) -> i64 {
    s.char_index(b) as i64
}

// ----- join, split, partition -----------------------------------------------------------------

fn str_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let sep = recv_checked(vm, &args, "join", Conv::One, 1, 1)?;
    let iterable = &args.pos[1];
    // Lists and tuples are joined in place: looking at their items runs no Python code, so the
    // borrow cannot be disturbed.
    match iterable {
        Value::List(l) => return join_values(vm, &sep, &l.borrow()),
        Value::Tuple(t) => return join_values(vm, &sep, t),
        _ => {}
    }
    if !vm.is_iterable(iterable) {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = vm.collect(iterable)?;
    join_values(vm, &sep, &items)
}

/// The fast path of `str.join` (`runtime::fast_builtins`): a list or tuple of exact strs.
pub(super) fn join_fast(args: &[Value]) -> Option<Value> {
    match args {
        [Value::Str(sep), Value::List(l)] => join_exact(sep, &l.try_borrow().ok()?),
        [Value::Str(sep), Value::Tuple(t)] => join_exact(sep, t),
        _ => None,
    }
}

/// `join_values` when every item is an exact `str` (`None` otherwise).
fn join_exact(sep: &PyStr, items: &[Value]) -> Option<Value> {
    if items.iter().all(|v| matches!(v, Value::Str(_))) {
        // No item can fail, so the VM is never asked for an error.
        join_pieces(sep, items).ok()
    } else {
        None
    }
}

/// `sep.join(items)`: sized once, and without a scan when every piece is ASCII.
fn join_values(vm: &Vm, sep: &PyStr, items: &[Value]) -> PyResult<Value> {
    join_pieces(sep, items).map_err(|i| {
        vm.type_error(format!(
            "sequence item {i}: expected str instance, {} found",
            vm.type_name(&items[i])
        ))
    })
}

/// `join_values`, or the index of the first item that is not a str.
fn join_pieces(sep: &PyStr, items: &[Value]) -> Result<Value, usize> {
    let mut bytes = 0usize;
    let mut chars = 0usize;
    for (i, item) in items.iter().enumerate() {
        let piece = match item {
            Value::Str(s) => (s.as_str().len(), s.char_len()),
            _ => match as_pystr(item) {
                Some(s) => (s.as_str().len(), s.char_len()),
                None => return Err(i),
            },
        };
        bytes = bytes.saturating_add(piece.0);
        chars = chars.saturating_add(piece.1);
    }
    if let [only] = items {
        // One exact `str` joins to itself, as in CPython.
        if let Value::Str(_) = only {
            return Ok(only.clone());
        }
    }
    let gaps = items.len().saturating_sub(1);
    bytes = bytes.saturating_add(gaps.saturating_mul(sep.as_str().len()));
    chars = chars.saturating_add(gaps.saturating_mul(sep.char_len()));
    let mut out = StrBuilder::with_size(bytes);
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.push(sep.as_str());
        }
        match item {
            Value::Str(s) => out.push(s.as_str()),
            _ => {
                if let Some(s) = as_pystr(item) {
                    out.push(s.as_str());
                }
            }
        }
    }
    Ok(out.finish(chars))
}

/// `(sep, maxsplit)` of `split`/`rsplit`.
fn split_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(PyStr, Option<PyStr>, i64)> {
    let s = recv(vm, args, name)?;
    // Positional arguments only (the usual call) need no keyword matching.
    let a = if args.kw.is_empty() && args.pos.len() <= 3 {
        [args.pos.get(1).cloned(), args.pos.get(2).cloned()]
    } else {
        let mut a = parse_kw(vm, &args.pos[1..], args.kw, name, &["sep", "maxsplit"], 0)?;
        let max = a.pop().flatten();
        [a.pop().flatten(), max]
    };
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(as_pystr(v).ok_or_else(|| {
            vm.type_error(format!("must be str or None, not {}", vm.type_name(v)))
        })?),
    };
    let max = match &a[1] {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    if let Some(sep) = &sep {
        if sep.as_str().is_empty() {
            return Err(vm.value_error("empty separator"));
        }
    }
    Ok((s, sep, max))
}

/// `str.split()` on runs of whitespace.
pub fn split_whitespace(text: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_start_matches(ucd::is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if max >= 0 && n >= max {
            out.push(rest);
            break;
        }
        let end = rest.find(ucd::is_space).unwrap_or(rest.len());
        out.push(&rest[..end]);
        rest = rest[end..].trim_start_matches(ucd::is_space);
        n += 1;
    }
    out
}

/// `str.rsplit()` on runs of whitespace, in order.
pub fn rsplit_whitespace(text: &str, max: i64) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = text.trim_end_matches(ucd::is_space);
    let mut n = 0;
    while !rest.is_empty() {
        if max >= 0 && n >= max {
            out.push(rest);
            break;
        }
        let start = rest
            .rfind(ucd::is_space)
            .map(|b| b + rest[b..].chars().next().map_or(1, char::len_utf8))
            .unwrap_or(0);
        out.push(&rest[start..]);
        rest = rest[..start].trim_end_matches(ucd::is_space);
        n += 1;
    }
    out.reverse();
    out
}

fn str_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &args, "split")?;
    Ok(split_value(&s, sep.as_ref(), max))
}

/// `s.split(sep, max)` (`sep` non-empty), as a list.
fn split_value(s: &PyStr, sep: Option<&PyStr>, max: i64) -> Value {
    let text = s.as_str();
    let parts: Vec<&str> = match sep {
        None if s.is_ascii() => split_whitespace_ascii(text, max),
        None => split_whitespace(text, max),
        // A one-byte separator is searched for as a char (memchr), not as a substring.
        Some(sep) if max < 0 && sep.as_str().len() == 1 => {
            let mut v = Vec::with_capacity(SPLIT_START);
            v.extend(text.split(sep.as_str().chars().next().unwrap_or('\0')));
            v
        }
        Some(sep) if max < 0 => {
            let mut v = Vec::with_capacity(SPLIT_START);
            v.extend(text.split(sep.as_str()));
            v
        }
        Some(sep) => text
            .splitn(max.saturating_add(1) as usize, sep.as_str())
            .collect(),
    };
    Value::list(part_values(s, parts))
}

/// The fast path of `str.split` (`runtime::fast_builtins`): `s.split()` and `s.split(sep)`.
pub(super) fn split_fast(args: &[Value]) -> Option<Value> {
    match args {
        [Value::Str(s)] => Some(split_value(s, None, -1)),
        [Value::Str(s), Value::Str(sep)] if !sep.as_str().is_empty() => {
            Some(split_value(s, Some(sep), -1))
        }
        _ => None,
    }
}

/// Room for the pieces of a typical split, so short splits do not grow the vector
/// (a splitting iterator tells `collect` nothing of its length).
const SPLIT_START: usize = 8;

/// The pieces of `s` as `str` values; pieces of ASCII text need no scan for their length.
fn part_values(s: &PyStr, parts: Vec<&str>) -> Vec<Value> {
    if s.is_ascii() {
        parts.into_iter().map(super::str::ascii_str_value).collect()
    } else {
        parts.into_iter().map(Value::str).collect()
    }
}

/// `split_whitespace` for ASCII text, byte by byte.
fn split_whitespace_ascii(text: &str, max: i64) -> Vec<&str> {
    let is_space = |b: u8| matches!(b, b' ' | b'\t' | b'\n' | b'\r' | 0x0b | 0x0c | 0x1c..=0x1f);
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(SPLIT_START);
    let mut i = 0;
    let mut n = 0;
    loop {
        while i < bytes.len() && is_space(bytes[i]) {
            i += 1;
        }
        if i >= bytes.len() {
            break;
        }
        if max >= 0 && n >= max {
            // The rest, with trailing whitespace kept, as CPython does.
            out.push(text.get(i..).unwrap_or(""));
            break;
        }
        let start = i;
        while i < bytes.len() && !is_space(bytes[i]) {
            i += 1;
        }
        out.push(text.get(start..i).unwrap_or(""));
        n += 1;
    }
    out
}

fn str_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sep, max) = split_args(vm, &args, "rsplit")?;
    let text = s.as_str();
    let parts: Vec<&str> = match sep {
        None => rsplit_whitespace(text, max),
        Some(sep) => {
            let mut v: Vec<&str> = if max < 0 {
                text.rsplit(sep.as_str()).collect()
            } else {
                text.rsplitn(max.saturating_add(1) as usize, sep.as_str())
                    .collect()
            };
            v.reverse();
            v
        }
    };
    Ok(Value::list(part_values(&s, parts)))
}

/// An int-valued flag argument (`keepends`): bools and `__index__` ints.
fn int_flag(vm: &mut Vm, v: &Value) -> PyResult<bool> {
    match v {
        Value::Bool(b) => Ok(b.get()),
        Value::BigInt(_) => Ok(true),
        other => Ok(ssize_arg(vm, other)? != 0),
    }
}

fn str_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "splitlines")?;
    let a = parse_kw(vm, &args.pos[1..], args.kw, "splitlines", &["keepends"], 0)?;
    let keepends = match &a[0] {
        Some(v) => int_flag(vm, v)?,
        None => false,
    };
    Ok(Value::list(
        splitlines(s.as_str(), keepends)
            .into_iter()
            .map(Value::str)
            .collect(),
    ))
}

/// Lines split at every line boundary Python knows (`\r\n` is one boundary).
pub fn splitlines(text: &str, keepends: bool) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut it = text.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        if ucd::is_linebreak(c) {
            let mut end = i + c.len_utf8();
            if c == '\r' {
                if let Some(&(_, '\n')) = it.peek() {
                    it.next();
                    end += 1;
                }
            }
            out.push(if keepends {
                &text[start..end]
            } else {
                &text[start..i]
            });
            start = end;
        }
    }
    if start < text.len() {
        out.push(&text[start..]);
    }
    out
}

fn partition_impl(vm: &mut Vm, args: &Args, name: &str, right: bool) -> PyResult<Value> {
    let s = recv_checked(vm, args, name, Conv::One, 1, 1)?;
    let sep = str_param(vm, &args.pos[1])?;
    if sep.as_str().is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let text = s.as_str();
    let found = if right {
        text.rfind(sep.as_str())
    } else {
        text.find(sep.as_str())
    };
    let parts = match found {
        Some(b) => [
            Value::str(&text[..b]),
            Value::Str(sep.clone()),
            Value::str(&text[b + sep.as_str().len()..]),
        ],
        None if right => [Value::str(""), Value::str(""), Value::Str(s.clone())],
        None => [Value::Str(s.clone()), Value::str(""), Value::str("")],
    };
    Ok(Value::tuple(parts.to_vec()))
}

fn str_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "partition", false)
}

fn str_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "rpartition", true)
}

// ----- strip, affixes ---------------------------------------------------------------------

fn strip_impl(vm: &mut Vm, args: &Args, left: bool, right: bool, name: &str) -> PyResult<Value> {
    let s = recv_checked(vm, args, name, Conv::Clinic, 0, 1)?;
    let text = s.as_str();
    let r = match args.pos.get(1) {
        None | Some(Value::None) => match (left, right) {
            (true, true) => text.trim_matches(ucd::is_space),
            (true, false) => text.trim_start_matches(ucd::is_space),
            _ => text.trim_end_matches(ucd::is_space),
        },
        Some(v) => {
            let Some(cs) = as_pystr(v) else {
                return Err(vm.type_error(format!("{name} arg must be None or str")));
            };
            let set: Vec<char> = cs.as_str().chars().collect();
            let f = |c: char| set.contains(&c);
            match (left, right) {
                (true, true) => text.trim_matches(f),
                (true, false) => text.trim_start_matches(f),
                _ => text.trim_end_matches(f),
            }
        }
    };
    if r.len() == text.len() && matches!(args.pos[0], Value::Str(_)) {
        return Ok(args.pos[0].clone());
    }
    Ok(Value::str(r))
}

fn str_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, true, true, "strip")
}

fn str_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, true, false, "lstrip")
}

fn str_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, false, true, "rstrip")
}

fn affix_impl(vm: &mut Vm, args: &Args, name: &str, prefix: bool) -> PyResult<Value> {
    let s = recv_checked(vm, args, name, Conv::One, 1, 1)?;
    let Some(a) = as_pystr(&args.pos[1]) else {
        return Err(vm.type_error(format!(
            "{name}() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    let text = s.as_str();
    let r = if prefix {
        text.strip_prefix(a.as_str())
    } else {
        text.strip_suffix(a.as_str())
    };
    Ok(match r {
        Some(r) if !a.as_str().is_empty() => Value::str(r),
        _ => Value::Str(s),
    })
}

fn str_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, &args, "removeprefix", true)
}

fn str_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, &args, "removesuffix", false)
}

/// CPython's `tailmatch`: does `sub` occur at the start (or end) of `s[start:end]`?
fn tailmatch(s: &PyStr, sub: &PyStr, start: Option<i64>, end: Option<i64>, at_end: bool) -> bool {
    let (start, end) = adjust_indices(start, end, s.char_len());
    let sub_len = sub.char_len() as i64;
    let end = end - sub_len;
    if end < start {
        return false;
    }
    if sub_len == 0 {
        return true;
    }
    let at = if at_end { end } else { start };
    s.substring(at as usize, (at + sub_len) as usize) == sub.as_str()
}

fn startsend(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let s = recv(vm, args, name)?;
    check(vm, args, "str", name, Conv::Tuple, 1, 3)?;
    let start = slice_bound(vm, args.pos.get(2))?;
    let end = slice_bound(vm, args.pos.get(3))?;
    let arg = &args.pos[1];
    if let Value::Tuple(t) = arg {
        for p in t.iter() {
            let Some(p) = as_pystr(p) else {
                return Err(vm.type_error(format!(
                    "tuple for {name} must only contain str, not {}",
                    vm.type_name(p)
                )));
            };
            if tailmatch(&s, &p, start, end, at_end) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match as_pystr(arg) {
        Some(p) => Ok(Value::bool(tailmatch(&s, &p, start, end, at_end))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be str or a tuple of str, not {}",
            vm.type_name(arg)
        ))),
    }
}

fn str_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    startsend(vm, &args, "startswith", false)
}

fn str_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    startsend(vm, &args, "endswith", true)
}

// ----- find family ------------------------------------------------------------------------

/// Parses `(sub[, start[, end]])` and returns the receiver, `sub` and the adjusted window.
fn find_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(PyStr, PyStr, i64, i64)> {
    let s = recv(vm, args, name)?;
    check(vm, args, "str", name, Conv::Tuple, 1, 3)?;
    let sub = str_param(vm, &args.pos[1])?;
    let start = slice_bound(vm, args.pos.get(2))?;
    let end = slice_bound(vm, args.pos.get(3))?;
    let (start, end) = adjust_indices(start, end, s.char_len());
    Ok((s, sub, start, end))
}

/// Code-point index of the first (or last) occurrence of `sub` in `s[start:end]`.
pub fn find_in(s: &PyStr, sub: &PyStr, start: i64, end: i64, last: bool) -> Option<i64> {
    if end - start < sub.char_len() as i64 {
        return None;
    }
    if sub.as_str().is_empty() {
        return Some(if last { end } else { start });
    }
    let b0 = byte_at(s, start);
    let b1 = byte_at(s, end);
    let window = &s.as_str()[b0..b1];
    let found = if last {
        window.rfind(sub.as_str())
    } else {
        window.find(sub.as_str())
    };
    found.map(|b| chars_before(s, b0 + b))
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, last: bool, raise: bool) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, args, name)?;
    match find_in(&s, &sub, start, end, last) {
        Some(i) => Ok(Value::Int(i)),
        None if raise => Err(vm.value_error("substring not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn str_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "find", false, false)
}

fn str_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "rfind", true, false)
}

fn str_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "index", false, true)
}

fn str_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "rindex", true, true)
}

fn str_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, sub, start, end) = find_args(vm, &args, "count")?;
    Ok(Value::Int(count_in(&s, &sub, start, end)))
}

/// Occurrences of `sub` in `s[start:end]` (bounds already clamped to the string).
fn count_in(s: &PyStr, sub: &PyStr, start: i64, end: i64) -> i64 {
    if end - start < sub.char_len() as i64 {
        return 0;
    }
    if sub.as_str().is_empty() {
        return end - start + 1;
    }
    let window = &s.as_str()[byte_at(s, start)..byte_at(s, end)];
    if let [b] = sub.as_str().as_bytes() {
        // One ASCII byte never occurs inside a multi-byte UTF-8 sequence: count bytes.
        return count_byte(window.as_bytes(), *b) as i64;
    }
    window.matches(sub.as_str()).count() as i64
}

/// Occurrences of `b` in `bytes`, counted in blocks whose per-byte sums fit a `u8`, which the
/// compiler turns into vector compares (a plain filtered count is one byte at a time).
fn count_byte(bytes: &[u8], b: u8) -> usize {
    let mut blocks = bytes.chunks_exact(128);
    let mut n = 0;
    for block in &mut blocks {
        n += block.iter().map(|&x| u8::from(x == b)).sum::<u8>() as usize;
    }
    n + blocks.remainder().iter().filter(|&&x| x == b).count()
}

/// The fast path of `str.count` (`runtime::fast_builtins`): `s.count(sub)`.
pub(super) fn count_fast(args: &[Value]) -> Option<Value> {
    let [Value::Str(s), Value::Str(sub)] = args else {
        return None;
    };
    Some(Value::Int(count_in(s, sub, 0, s.char_len() as i64)))
}

fn str_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_checked(vm, &args, "replace", Conv::Clinic, 2, 3)?;
    let mut parts = Vec::with_capacity(2);
    for (i, v) in args.pos[1..3].iter().enumerate() {
        match as_pystr(v) {
            Some(p) => parts.push(p),
            None => {
                return Err(vm.type_error(format!(
                    "replace() argument {} must be str, not {}",
                    i + 1,
                    vm.type_name(v)
                )))
            }
        }
    }
    let count = match args.pos.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    replace_value(&s, &parts[0], &parts[1], count).ok_or_else(|| vm.memory_error())
}

/// `s.replace(old, new, count)` (`count < 0`: all).
/// None when the result would be too big to allocate (`seq::ALLOC_LIMIT`).
fn replace_value(s: &PyStr, old: &PyStr, new: &PyStr, count: i64) -> Option<Value> {
    let text = s.as_str();
    let limit = usize::try_from(count).unwrap_or(usize::MAX);
    if new.as_str().len() > old.as_str().len() {
        // The most the text can grow (one match per `old`, or per position when empty), and
        // the exact growth only when that could be too much.
        let growth = (new.as_str().len() - old.as_str().len()) as u128;
        let most = (text.len() / old.as_str().len().max(1) + 1).min(limit) as u128;
        let longest = |matches: u128| text.len() as u128 + matches * growth;
        if longest(most) > super::seq::ALLOC_LIMIT
            && longest(text.matches(old.as_str()).take(limit).count() as u128)
                > super::seq::ALLOC_LIMIT
        {
            return None;
        }
    }
    let (old_text, new_text) = (old.as_str(), new.as_str());
    if limit == 0 || old_text == new_text {
        // Nothing changes: the string itself, as in CPython. (CPython tests `old is new`, which
        // its interned literals make true for equal literals; tulip does not intern, so it
        // compares the text: an equal `new` built at run time also gives the string itself.)
        return Some(Value::Str(s.clone()));
    }
    if let ([from], [to]) = (old_text.as_bytes(), new_text.as_bytes()) {
        return Some(replace_byte(s, *from, *to, limit));
    }
    let mut chars = old_text.chars();
    Some(match (chars.next(), chars.next()) {
        // One character: found with `memchr` rather than the substring search.
        (Some(c), None) => replace_matches(s, text.match_indices(c).take(limit), old, new),
        _ => replace_matches(s, text.match_indices(old_text).take(limit), old, new),
    })
}

/// `s.replace(old, new)` of the `matches` of `old` in `s` (as many as the count allows), for a
/// `new` that differs from `old`.
fn replace_matches<'a>(
    s: &'a PyStr,
    matches: impl Iterator<Item = (usize, &'a str)>,
    old: &PyStr,
    new: &PyStr,
) -> Value {
    let text = s.as_str();
    let (old_text, new_text) = (old.as_str(), new.as_str());
    let mut matches = matches.peekable();
    if matches.peek().is_none() {
        // No match: the string itself, as in CPython.
        return Value::Str(s.clone());
    }
    // Written straight into the result: its exact size when it cannot grow, else one
    // replacement's growth to start with.
    let mut out = StrBuilder::with_size(text.len() + new_text.len().saturating_sub(old_text.len()));
    let (mut last_end, mut replaced) = (0, 0);
    for (start, _) in matches {
        out.push(&text[last_end..start]);
        out.push(new_text);
        last_end = start + old_text.len();
        replaced += 1;
    }
    out.push(&text[last_end..]);
    out.finish(s.char_len() + replaced * new.char_len() - replaced * old.char_len())
}

/// `s.replace(old, new, count)` of one byte by another (`count` not zero): both ASCII (they are
/// whole `str`s), so the text keeps its length and stays UTF-8.
fn replace_byte(s: &PyStr, from: u8, to: u8, count: usize) -> Value {
    let text = s.as_str().as_bytes();
    if !text.contains(&from) {
        return Value::Str(s.clone());
    }
    let fill = |out: &mut [u8]| {
        out.copy_from_slice(text);
        if count >= text.len() {
            for b in out.iter_mut() {
                if *b == from {
                    *b = to;
                }
            }
        } else {
            for b in out.iter_mut().filter(|b| **b == from).take(count) {
                *b = to;
            }
        }
    };
    // SAFETY: one ASCII byte replaced by another leaves UTF-8 of as many code points.
    unsafe { super::str::fill_value(text.len(), s.char_len(), fill) }
}

/// The fast path of `str.replace` (`runtime::fast_builtins`): `s.replace(old, new)`.
pub(super) fn replace_fast(args: &[Value]) -> Option<Value> {
    let [Value::Str(s), Value::Str(old), Value::Str(new)] = args else {
        return None;
    };
    replace_value(s, old, new, -1)
}

// ----- case -------------------------------------------------------------------------------

fn case_impl(vm: &mut Vm, args: &Args, name: &str, f: fn(&str) -> String) -> PyResult<Value> {
    let s = recv_checked(vm, args, name, Conv::NoArgs, 0, 0)?;
    Ok(Value::string(f(s.as_str())))
}

/// `upper`/`lower`: ASCII text maps byte for byte (no case rule of an ASCII letter involves
/// anything else), so it skips the Unicode tables and the count of code points.
fn ascii_case_impl(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    ascii: fn(&mut [u8]),
    full: fn(&str) -> String,
) -> PyResult<Value> {
    let s = recv_checked(vm, args, name, Conv::NoArgs, 0, 0)?;
    Ok(ascii_case(&s, ascii).unwrap_or_else(|| Value::string(full(s.as_str()))))
}

/// The text of ASCII `s` with `ascii` applied in place (`None` for other text).
fn ascii_case(s: &PyStr, ascii: fn(&mut [u8])) -> Option<Value> {
    let text = s.as_str().as_bytes();
    // SAFETY: `make_ascii_uppercase` and `make_ascii_lowercase` keep ASCII bytes ASCII.
    s.is_ascii().then(|| unsafe {
        super::str::ascii_fill_value(text.len(), |out| {
            out.copy_from_slice(text);
            ascii(out);
        })
    })
}

/// The fast path of `str.upper` (`runtime::fast_builtins`): ASCII text.
pub(super) fn upper_fast(args: &[Value]) -> Option<Value> {
    let [Value::Str(s)] = args else { return None };
    ascii_case(s, <[u8]>::make_ascii_uppercase)
}

/// The fast path of `str.lower` (`runtime::fast_builtins`): ASCII text.
pub(super) fn lower_fast(args: &[Value]) -> Option<Value> {
    let [Value::Str(s)] = args else { return None };
    ascii_case(s, <[u8]>::make_ascii_lowercase)
}

fn str_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ascii_case_impl(vm, &args, "upper", <[u8]>::make_ascii_uppercase, ucd::upper)
}

fn str_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ascii_case_impl(vm, &args, "lower", <[u8]>::make_ascii_lowercase, ucd::lower)
}

fn str_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_impl(vm, &args, "title", ucd::title)
}

fn str_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_impl(vm, &args, "capitalize", ucd::capitalize)
}

fn str_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_impl(vm, &args, "swapcase", ucd::swapcase)
}

fn str_casefold(vm: &mut Vm, args: Args) -> PyResult<Value> {
    case_impl(vm, &args, "casefold", ucd::casefold)
}

// ----- predicates -------------------------------------------------------------------------

fn pred_impl(vm: &mut Vm, args: &Args, name: &str, f: fn(&str) -> bool) -> PyResult<Value> {
    let s = recv_checked(vm, args, name, Conv::NoArgs, 0, 0)?;
    Ok(Value::bool(f(s.as_str())))
}

fn str_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isdigit", |s| ucd::all_have(s, ucd::DIGIT))
}

fn str_isdecimal(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isdecimal", |s| ucd::all_have(s, ucd::DECIMAL))
}

fn str_isnumeric(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isnumeric", |s| ucd::all_have(s, ucd::NUMERIC))
}

fn str_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isalpha", |s| ucd::all_have(s, ucd::ALPHA))
}

fn str_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isalnum", ucd::is_alnum)
}

fn str_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isspace", |s| {
        !s.is_empty() && s.chars().all(ucd::is_space)
    })
}

fn str_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isupper", ucd::is_upper)
}

fn str_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "islower", ucd::is_lower)
}

fn str_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "istitle", ucd::is_title)
}

fn str_isidentifier(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isidentifier", ucd::is_identifier)
}

fn str_isprintable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isprintable", ucd::is_printable)
}

fn str_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isascii", str::is_ascii)
}

// ----- padding ----------------------------------------------------------------------------

/// `(width, fillchar)` of `center`/`ljust`/`rjust`.
fn pad_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(PyStr, i64, char)> {
    let s = recv_checked(vm, args, name, Conv::Clinic, 1, 2)?;
    let width = ssize_arg(vm, &args.pos[1])?;
    super::seq::alloc_check(vm, width.max(0) as u128)?;
    let fill = match args.pos.get(2) {
        None => ' ',
        Some(v) => match as_pystr(v) {
            Some(f) if f.char_len() == 1 => f.as_str().chars().next().unwrap_or(' '),
            Some(_) => {
                return Err(vm.type_error("The fill character must be exactly one character long"))
            }
            None => {
                return Err(vm.type_error(format!(
                    "The fill character must be a unicode character, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    Ok((s, width, fill))
}

fn padded(s: &PyStr, left: usize, right: usize, fill: char) -> Value {
    let mut out = String::with_capacity(s.as_str().len() + (left + right) * fill.len_utf8());
    out.extend(std::iter::repeat_n(fill, left));
    out.push_str(s.as_str());
    out.extend(std::iter::repeat_n(fill, right));
    Value::string(out)
}

fn str_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "center")?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let marg = width - len;
    let left = marg / 2 + (marg & width & 1);
    Ok(padded(&s, left as usize, (marg - left) as usize, fill))
}

fn str_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "ljust")?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    Ok(padded(&s, 0, (width - len) as usize, fill))
}

fn str_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (s, width, fill) = pad_args(vm, &args, "rjust")?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    Ok(padded(&s, (width - len) as usize, 0, fill))
}

fn str_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_checked(vm, &args, "zfill", Conv::One, 1, 1)?;
    let width = ssize_arg(vm, &args.pos[1])?;
    super::seq::alloc_check(vm, width.max(0) as u128)?;
    let len = s.char_len() as i64;
    if width <= len {
        return Ok(Value::Str(s));
    }
    let text = s.as_str();
    let zeros = "0".repeat((width - len) as usize);
    let out = match text.chars().next() {
        Some(c @ ('+' | '-')) => format!("{c}{zeros}{}", &text[1..]),
        _ => format!("{zeros}{text}"),
    };
    Ok(Value::string(out))
}

fn str_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "expandtabs")?;
    let a = parse_kw(vm, &args.pos[1..], args.kw, "expandtabs", &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let mut out = String::with_capacity(s.as_str().len());
    let mut col: i64 = 0;
    for c in s.as_str().chars() {
        match c {
            '\t' => {
                if tabsize > 0 {
                    let n = tabsize - col % tabsize;
                    out.extend(std::iter::repeat_n(' ', n as usize));
                    col += n;
                }
            }
            '\n' | '\r' => {
                out.push(c);
                col = 0;
            }
            _ => {
                out.push(c);
                col += 1;
            }
        }
    }
    Ok(Value::string(out))
}

// ----- format, encode, translate ----------------------------------------------------------

fn str_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "format")?;
    super::strformat::format(vm, s.as_str(), &args.pos[1..], args.kw)
}

fn str_format_map(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_checked(vm, &args, "format_map", Conv::One, 1, 1)?;
    super::strformat::format_map(vm, s.as_str(), &args.pos[1])
}

fn str_encode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv(vm, &args, "encode")?;
    let a = parse_kw(
        vm,
        &args.pos[1..],
        args.kw,
        "encode",
        &["encoding", "errors"],
        0,
    )?;
    let mut names = ["utf-8".to_string(), "strict".to_string()];
    for (i, (slot, pname)) in a.iter().zip(["encoding", "errors"]).enumerate() {
        if let Some(v) = slot {
            match as_pystr(v) {
                Some(p) => names[i] = p.as_str().to_string(),
                None => {
                    return Err(vm.type_error(format!(
                        "encode() argument '{pname}' must be str, not {}",
                        vm.type_name(v)
                    )))
                }
            }
        }
    }
    let bytes = super::codecs::encode(vm, s.as_str(), &names[0], &names[1])?;
    Ok(Value::Bytes(Rc::new(bytes)))
}

fn str_translate(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let s = recv_checked(vm, &args, "translate", Conv::One, 1, 1)?;
    let table = args.pos[1].clone();
    let mut out = String::with_capacity(s.as_str().len());
    for c in s.as_str().chars() {
        let mapped = match vm.get_item(&table, &Value::Int(c as i64)) {
            Ok(v) => v,
            Err(e) if e.is_instance_of(&vm.types.lookup_error.clone()) => {
                out.push(c);
                continue;
            }
            Err(e) => return Err(e),
        };
        match &mapped {
            Value::None => {}
            Value::Int(n) => match u32::try_from(*n).ok().and_then(char::from_u32) {
                Some(ch) => out.push(ch),
                None => return Err(vm.value_error("character mapping must be in range(0x110000)")),
            },
            Value::Bool(b) => out.push(if b.get() { '\u{1}' } else { '\0' }),
            other => match as_pystr(other) {
                Some(r) => out.push_str(r.as_str()),
                None => {
                    return Err(vm.type_error("character mapping must return integer, None or str"))
                }
            },
        }
    }
    Ok(Value::string(out))
}

/// `str.maketrans(x[, y[, z]])` (a static method: no receiver).
fn str_maketrans(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if !args.kw.is_empty() {
        return Err(vm.type_error("str.maketrans() takes no keyword arguments"));
    }
    check_count(vm, args.pos.len(), "str", "maketrans", Conv::Clinic, 1, 3)?;
    let d = Rc::new(std::cell::RefCell::new(super::dict::Dict::new()));
    if args.pos.len() == 1 {
        let Value::Dict(src) = &args.pos[0] else {
            return Err(
                vm.type_error("if you give only one argument to maketrans it must be a dict")
            );
        };
        let items = src.borrow().items();
        for (k, v) in items {
            let key =
                match &k {
                    Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => k.clone(),
                    other => match as_pystr(other) {
                        Some(s) if s.char_len() == 1 => {
                            Value::Int(s.as_str().chars().next().map_or(0, |c| c as i64))
                        }
                        Some(_) => {
                            return Err(vm
                                .value_error("string keys in translate table must be of length 1"))
                        }
                        None => {
                            return Err(vm
                                .type_error("keys in translate table must be strings or integers"))
                        }
                    },
                };
            vm.dict_set(&d, key, v)?;
        }
        return Ok(Value::Dict(d));
    }
    let (Some(x), Some(y)) = (as_pystr(&args.pos[0]), as_pystr(&args.pos[1])) else {
        let bad = if as_pystr(&args.pos[0]).is_none() {
            &args.pos[0]
        } else {
            &args.pos[1]
        };
        let n = if as_pystr(&args.pos[0]).is_none() {
            1
        } else {
            2
        };
        return Err(vm.type_error(format!(
            "maketrans() argument {n} must be str, not {}",
            vm.type_name(bad)
        )));
    };
    if x.char_len() != y.char_len() {
        return Err(vm.value_error("the first two maketrans arguments must have equal length"));
    }
    for (a, b) in x.as_str().chars().zip(y.as_str().chars()) {
        vm.dict_set(&d, Value::Int(a as i64), Value::Int(b as i64))?;
    }
    if let Some(zv) = args.pos.get(2) {
        let Some(z) = as_pystr(zv) else {
            return Err(vm.type_error(format!(
                "maketrans() argument 3 must be str, not {}",
                vm.type_name(zv)
            )));
        };
        for c in z.as_str().chars() {
            vm.dict_set(&d, Value::Int(c as i64), Value::None)?;
        }
    }
    Ok(Value::Dict(d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whitespace_split_matches_cpython() {
        assert_eq!(split_whitespace("  a b  c  ", -1), vec!["a", "b", "c"]);
        assert_eq!(split_whitespace("a b  c  ", 1), vec!["a", "b  c  "]);
        assert_eq!(rsplit_whitespace("  a b c", 1), vec!["  a b", "c"]);
        assert_eq!(rsplit_whitespace("a\u{3000}b ", -1), vec!["a", "b"]);
        assert!(split_whitespace(" \x1c ", -1).is_empty());
    }

    #[test]
    fn splitlines_boundaries() {
        assert_eq!(
            splitlines("a\r\nb\rc\n\nd", false),
            vec!["a", "b", "c", "", "d"]
        );
        assert_eq!(
            splitlines("a\r\nb\u{2028}", true),
            vec!["a\r\n", "b\u{2028}"]
        );
        assert!(splitlines("", false).is_empty());
    }
}
