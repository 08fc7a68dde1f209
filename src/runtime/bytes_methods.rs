//! Methods of `bytes` and `bytearray`, and the `bytearray` type itself. A `bytearray` is an
//! instance of the builtin `bytearray` class whose `Payload::Boxed` holds a `Value::Bytes`;
//! mutation replaces the bytes in place (`Rc::make_mut`), and everything that only reads
//! (`len`, iteration, `in`, truthiness) falls through to the boxed bytes. Methods shared with
//! `bytes` return a `bytearray` when called on one, as in CPython.

use std::cell::RefCell;
use std::rc::Rc;

use super::methargs::{adjust_indices, check, check_count, parse_kw, slice_bound, ssize_arg, Conv};
use super::types::builtin_value;
use crate::vm::object::{Args, BuiltinFn, Instance, Payload};
use crate::vm::symbol::{intern, sym};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub const BYTES_METHODS: &[(&str, BuiltinFn)] = &[
    ("decode", b_decode),
    ("hex", b_hex),
    ("count", b_count),
    ("find", b_find),
    ("rfind", b_rfind),
    ("index", b_index),
    ("rindex", b_rindex),
    ("startswith", b_startswith),
    ("endswith", b_endswith),
    ("split", b_split),
    ("rsplit", b_rsplit),
    ("splitlines", b_splitlines),
    ("join", b_join),
    ("strip", b_strip),
    ("lstrip", b_lstrip),
    ("rstrip", b_rstrip),
    ("upper", b_upper),
    ("lower", b_lower),
    ("capitalize", b_capitalize),
    ("title", b_title),
    ("swapcase", b_swapcase),
    ("replace", b_replace),
    ("partition", b_partition),
    ("rpartition", b_rpartition),
    ("removeprefix", b_removeprefix),
    ("removesuffix", b_removesuffix),
    ("center", b_center),
    ("ljust", b_ljust),
    ("rjust", b_rjust),
    ("zfill", b_zfill),
    ("expandtabs", b_expandtabs),
    ("isdigit", b_isdigit),
    ("isalpha", b_isalpha),
    ("isalnum", b_isalnum),
    ("isspace", b_isspace),
    ("isupper", b_isupper),
    ("islower", b_islower),
    ("istitle", b_istitle),
    ("isascii", b_isascii),
];

const BYTEARRAY_ONLY: &[(&str, BuiltinFn)] = &[
    ("__new__", bytearray_new),
    ("__repr__", ba_repr),
    ("__getitem__", ba_getitem),
    ("__setitem__", ba_setitem),
    ("__delitem__", ba_delitem),
    ("__eq__", ba_eq),
    ("__ne__", ba_ne),
    ("__lt__", ba_lt),
    ("__le__", ba_le),
    ("__gt__", ba_gt),
    ("__ge__", ba_ge),
    ("__add__", ba_add),
    ("__radd__", ba_radd),
    ("__iadd__", ba_iadd),
    ("__mul__", ba_mul),
    ("__rmul__", ba_mul),
    ("append", ba_append),
    ("extend", ba_extend),
    ("pop", ba_pop),
    ("insert", ba_insert),
    ("remove", ba_remove),
    ("clear", ba_clear),
    ("reverse", ba_reverse),
    ("copy", ba_copy),
];

/// Installs the methods of `bytes` and `bytearray` and the `bytearray` builtin.
pub fn install(vm: &mut Vm) {
    let bytes = vm.types.bytes.clone();
    let ba = vm.types.bytearray.clone();
    for (name, f) in BYTES_METHODS {
        bytes.set_attr(intern(name), builtin_value(name, Some("bytes"), *f));
        ba.set_attr(intern(name), builtin_value(name, Some("bytearray"), *f));
    }
    for (name, f) in BYTEARRAY_ONLY {
        ba.set_attr(intern(name), builtin_value(name, Some("bytearray"), *f));
    }
    ba.set_attr(sym::HASH, Value::None);
    for (cls, owner) in [(&bytes, "bytes"), (&ba, "bytearray")] {
        let f = builtin_value("fromhex", Some(owner), b_fromhex);
        let cm = Value::Instance(Rc::new(Instance::new(
            vm.types.classmethod.clone(),
            Payload::class_method(f),
        )));
        cls.set_attr(intern("fromhex"), cm);
    }
    vm.builtins.insert(intern("bytearray"), Value::Class(ba));
}

// ----- values ------------------------------------------------------------------------------

/// The bytes of a `bytes` or `bytearray` value.
pub fn as_bytes(v: &Value) -> Option<Rc<Vec<u8>>> {
    match v {
        Value::Bytes(b) => Some(b.clone()),
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => match &*b.borrow() {
                Value::Bytes(b) => Some(b.clone()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn is_bytearray(vm: &Vm, v: &Value) -> bool {
    matches!(v, Value::Instance(i) if i.class.is_subclass_of(&vm.types.bytearray))
}

/// A new `bytearray` holding `data`.
pub fn new_bytearray(vm: &Vm, data: Vec<u8>) -> Value {
    Value::Instance(Rc::new(Instance::new(
        vm.types.bytearray.clone(),
        Payload::boxed(Value::Bytes(Rc::new(data))),
    )))
}

/// The receiver of a shared method: its bytes and whether it is a `bytearray`.
struct Recv {
    data: Rc<Vec<u8>>,
    ba: bool,
}

impl Recv {
    fn owner(&self) -> &'static str {
        if self.ba {
            "bytearray"
        } else {
            "bytes"
        }
    }

    /// A result of the receiver's type.
    fn make(&self, vm: &Vm, data: Vec<u8>) -> Value {
        if self.ba {
            new_bytearray(vm, data)
        } else {
            Value::Bytes(Rc::new(data))
        }
    }

    /// The receiver itself when unchanged (only `bytes` is immutable, so may be shared).
    fn same(&self, vm: &Vm, orig: &Value) -> Value {
        if self.ba {
            new_bytearray(vm, self.data.to_vec())
        } else {
            orig.clone()
        }
    }
}

fn recv(vm: &Vm, args: &Args, name: &str) -> PyResult<Recv> {
    match args.pos.first() {
        Some(v) => match as_bytes(v) {
            Some(data) => Ok(Recv {
                data,
                ba: is_bytearray(vm, v),
            }),
            None => Err(vm.type_error(format!(
                "descriptor '{name}' for 'bytes' objects doesn't apply to a '{}' object",
                vm.type_name(v)
            ))),
        },
        None => Err(vm.type_error(format!("unbound method bytes.{name}() needs an argument"))),
    }
}

fn recv_checked(
    vm: &Vm,
    args: &Args,
    name: &str,
    conv: Conv,
    min: usize,
    max: usize,
) -> PyResult<Recv> {
    let r = recv(vm, args, name)?;
    check(vm, args, r.owner(), name, conv, min, max)?;
    Ok(r)
}

/// A bytes-like argument: "a bytes-like object is required, not 'str'".
fn buf_param(vm: &Vm, v: &Value) -> PyResult<Rc<Vec<u8>>> {
    as_bytes(v).ok_or_else(|| {
        vm.type_error(format!(
            "a bytes-like object is required, not '{}'",
            vm.type_name(v)
        ))
    })
}

/// A byte value 0..=255 from an int.
fn byte_value(vm: &mut Vm, v: &Value) -> PyResult<u8> {
    let n = ssize_arg(vm, v).map_err(|e| {
        if matches!(v, Value::BigInt(_)) {
            vm.value_error("byte must be in range(0, 256)")
        } else {
            e
        }
    })?;
    u8::try_from(n).map_err(|_| vm.value_error("byte must be in range(0, 256)"))
}

/// The needle of `find`/`count`/`index`: bytes-like or a single byte as an int.
fn needle(vm: &mut Vm, v: &Value) -> PyResult<Vec<u8>> {
    if let Some(b) = as_bytes(v) {
        return Ok(b.to_vec());
    }
    if matches!(v, Value::Int(_) | Value::Bool(_) | Value::BigInt(_)) {
        return Ok(vec![byte_value(vm, v)?]);
    }
    if let Value::Instance(_) = v {
        if vm.index_of(v)?.is_some() {
            return Ok(vec![byte_value(vm, v)?]);
        }
    }
    Err(vm.type_error(format!(
        "argument should be integer or bytes-like object, not '{}'",
        vm.type_name(v)
    )))
}

// ----- byte-slice searching ---------------------------------------------------------------

pub fn find_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(0),
        1 => hay.iter().position(|&b| b == needle[0]),
        n if n > hay.len() => None,
        n => hay.windows(n).position(|w| w == needle),
    }
}

pub fn rfind_bytes(hay: &[u8], needle: &[u8]) -> Option<usize> {
    match needle.len() {
        0 => Some(hay.len()),
        1 => hay.iter().rposition(|&b| b == needle[0]),
        n if n > hay.len() => None,
        n => hay.windows(n).rposition(|w| w == needle),
    }
}

/// Non-overlapping occurrences of a non-empty `needle`.
fn count_bytes(hay: &[u8], needle: &[u8], max: usize) -> usize {
    let mut n = 0;
    let mut rest = hay;
    while n < max {
        match find_bytes(rest, needle) {
            Some(i) => {
                n += 1;
                rest = &rest[i + needle.len()..];
            }
            None => break,
        }
    }
    n
}

fn is_ascii_space(b: u8) -> bool {
    matches!(b, b' ' | b'\t' | b'\n' | b'\r' | b'\x0b' | b'\x0c')
}

/// `split` by a non-empty separator, at most `max` splits (`max < 0`: all).
pub fn split_bytes<'a>(hay: &'a [u8], sep: &[u8], max: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = hay;
    let mut n = 0;
    while max < 0 || n < max {
        match find_bytes(rest, sep) {
            Some(i) => {
                out.push(&rest[..i]);
                rest = &rest[i + sep.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.push(rest);
    out
}

pub fn rsplit_bytes<'a>(hay: &'a [u8], sep: &[u8], max: i64) -> Vec<&'a [u8]> {
    let mut out = Vec::new();
    let mut rest = hay;
    let mut n = 0;
    while max < 0 || n < max {
        match rfind_bytes(rest, sep) {
            Some(i) => {
                out.push(&rest[i + sep.len()..]);
                rest = &rest[..i];
                n += 1;
            }
            None => break,
        }
    }
    out.push(rest);
    out.reverse();
    out
}

fn split_ws(hay: &[u8], max: i64, right: bool) -> Vec<&[u8]> {
    let mut out = Vec::new();
    let mut n = 0;
    if !right {
        let mut i = 0;
        loop {
            while i < hay.len() && is_ascii_space(hay[i]) {
                i += 1;
            }
            if i == hay.len() {
                break;
            }
            if max >= 0 && n >= max {
                out.push(&hay[i..]);
                break;
            }
            let start = i;
            while i < hay.len() && !is_ascii_space(hay[i]) {
                i += 1;
            }
            out.push(&hay[start..i]);
            n += 1;
        }
    } else {
        let mut j = hay.len();
        loop {
            while j > 0 && is_ascii_space(hay[j - 1]) {
                j -= 1;
            }
            if j == 0 {
                break;
            }
            if max >= 0 && n >= max {
                out.push(&hay[..j]);
                break;
            }
            let end = j;
            while j > 0 && !is_ascii_space(hay[j - 1]) {
                j -= 1;
            }
            out.push(&hay[j..end]);
            n += 1;
        }
        out.reverse();
    }
    out
}

// ----- methods ----------------------------------------------------------------------------

fn str_kwarg(
    vm: &Vm,
    v: &Option<Value>,
    fname: &str,
    pname: &str,
    default: &str,
) -> PyResult<String> {
    match v {
        None => Ok(default.to_string()),
        Some(Value::Str(s)) => Ok(s.as_str().to_string()),
        Some(other) => Err(vm.type_error(format!(
            "{fname}() argument '{pname}' must be str, not {}",
            vm.type_name(other)
        ))),
    }
}

fn b_decode(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv(vm, &args, "decode")?;
    let a = parse_kw(
        vm,
        &args.pos[1..],
        args.kw,
        "decode",
        &["encoding", "errors"],
        0,
    )?;
    let encoding = str_kwarg(vm, &a[0], "decode", "encoding", "utf-8")?;
    let errors = str_kwarg(vm, &a[1], "decode", "errors", "strict")?;
    let s = super::codecs::decode(vm, &r.data, &encoding, &errors)?;
    Ok(Value::string(s))
}

fn b_hex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv(vm, &args, "hex")?;
    let a = parse_kw(
        vm,
        &args.pos[1..],
        args.kw,
        "hex",
        &["sep", "bytes_per_sep"],
        0,
    )?;
    let hex = |b: &u8| format!("{b:02x}");
    let sep: Option<char> = match &a[0] {
        None => None,
        Some(v) => {
            let s: String = match v {
                Value::Str(s) => s.as_str().to_string(),
                other => match as_bytes(other) {
                    Some(b) => b.iter().map(|&c| c as char).collect(),
                    None => {
                        return Err(vm.type_error(format!(
                            "object of type '{}' has no len()",
                            vm.type_name(other)
                        )))
                    }
                },
            };
            if s.chars().count() != 1 {
                return Err(vm.value_error("sep must be length 1."));
            }
            let c = s.chars().next().unwrap_or(' ');
            if !c.is_ascii() {
                return Err(vm.value_error("sep must be ASCII."));
            }
            Some(c)
        }
    };
    let per = match &a[1] {
        None => 1,
        Some(v) => ssize_arg(vm, v)?,
    };
    let data = &r.data;
    let Some(sep) = sep.filter(|_| per != 0) else {
        return Ok(Value::string(data.iter().map(hex).collect()));
    };
    let group = per.unsigned_abs() as usize;
    let mut groups: Vec<String> = Vec::new();
    if per > 0 {
        // Groups counted from the right.
        let first = data.len() % group;
        if first > 0 {
            groups.push(data[..first].iter().map(hex).collect());
        }
        for c in data[first..].chunks(group) {
            groups.push(c.iter().map(hex).collect());
        }
    } else {
        for c in data.chunks(group) {
            groups.push(c.iter().map(hex).collect());
        }
    }
    Ok(Value::string(groups.join(&sep.to_string())))
}

/// `bytes.fromhex(s)` / `bytearray.fromhex(s)` (class methods).
fn b_fromhex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let is_ba =
        matches!(args.pos.first(), Some(Value::Class(c)) if c.is_subclass_of(&vm.types.bytearray));
    let owner = if is_ba { "bytearray" } else { "bytes" };
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{owner}.fromhex() takes no keyword arguments")));
    }
    check_count(
        vm,
        args.pos.len().saturating_sub(1),
        owner,
        "fromhex",
        Conv::One,
        1,
        1,
    )?;
    let Value::Str(s) = &args.pos[1] else {
        return Err(vm.type_error(format!(
            "fromhex() argument must be str, not {}",
            vm.type_name(&args.pos[1])
        )));
    };
    let chars: Vec<char> = s.as_str().chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    let bad = |vm: &Vm, i: usize| {
        vm.value_error(format!(
            "non-hexadecimal number found in fromhex() arg at position {i}"
        ))
    };
    loop {
        while i < chars.len() && ucd_ascii_space(chars[i]) {
            i += 1;
        }
        if i >= chars.len() {
            break;
        }
        let Some(hi) = chars[i].to_digit(16).filter(|_| chars[i].is_ascii()) else {
            return Err(bad(vm, i));
        };
        let Some(lo) = chars
            .get(i + 1)
            .and_then(|c| c.to_digit(16).filter(|_| c.is_ascii()))
        else {
            return Err(bad(vm, i + 1));
        };
        out.push((hi * 16 + lo) as u8);
        i += 2;
    }
    let v = if is_ba {
        new_bytearray(vm, out)
    } else {
        Value::Bytes(Rc::new(out))
    };
    Ok(v)
}

fn ucd_ascii_space(c: char) -> bool {
    c.is_ascii() && is_ascii_space(c as u8)
}

/// `(sub, start, end)` of the find family, with the window adjusted.
fn find_args(vm: &mut Vm, args: &Args, name: &str) -> PyResult<(Recv, Vec<u8>, i64, i64)> {
    let r = recv(vm, args, name)?;
    check(vm, args, r.owner(), name, Conv::Tuple, 1, 3)?;
    let sub = needle(vm, &args.pos[1])?;
    let start = slice_bound(vm, args.pos.get(2))?;
    let end = slice_bound(vm, args.pos.get(3))?;
    let (start, end) = adjust_indices(start, end, r.data.len());
    Ok((r, sub, start, end))
}

fn find_impl(vm: &mut Vm, args: &Args, name: &str, last: bool, raise: bool) -> PyResult<Value> {
    let (r, sub, start, end) = find_args(vm, args, name)?;
    let found = if end - start < sub.len() as i64 {
        None
    } else {
        let window = &r.data[start as usize..end as usize];
        let f = if last {
            rfind_bytes(window, &sub)
        } else {
            find_bytes(window, &sub)
        };
        f.map(|i| i as i64 + start)
    };
    match found {
        Some(i) => Ok(Value::Int(i)),
        None if raise => Err(vm.value_error("subsection not found")),
        None => Ok(Value::Int(-1)),
    }
}

fn b_find(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "find", false, false)
}

fn b_rfind(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "rfind", true, false)
}

fn b_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "index", false, true)
}

fn b_rindex(vm: &mut Vm, args: Args) -> PyResult<Value> {
    find_impl(vm, &args, "rindex", true, true)
}

fn b_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (r, sub, start, end) = find_args(vm, &args, "count")?;
    if end - start < sub.len() as i64 {
        return Ok(Value::Int(0));
    }
    if sub.is_empty() {
        return Ok(Value::Int(end - start + 1));
    }
    let window = &r.data[start as usize..end as usize];
    Ok(Value::Int(count_bytes(window, &sub, usize::MAX) as i64))
}

fn startsend(vm: &mut Vm, args: &Args, name: &str, at_end: bool) -> PyResult<Value> {
    let r = recv(vm, args, name)?;
    check(vm, args, r.owner(), name, Conv::Tuple, 1, 3)?;
    let start = slice_bound(vm, args.pos.get(2))?;
    let end = slice_bound(vm, args.pos.get(3))?;
    let (start, end) = adjust_indices(start, end, r.data.len());
    let matches = |p: &[u8]| {
        let end = end - p.len() as i64;
        if end < start {
            return false;
        }
        let at = if at_end { end } else { start } as usize;
        &r.data[at..at + p.len()] == p
    };
    if let Value::Tuple(t) = &args.pos[1] {
        for p in t.iter() {
            let p = buf_param(vm, p)?;
            if matches(&p) {
                return Ok(Value::TRUE);
            }
        }
        return Ok(Value::FALSE);
    }
    match as_bytes(&args.pos[1]) {
        Some(p) => Ok(Value::bool(matches(&p))),
        None => Err(vm.type_error(format!(
            "{name} first arg must be bytes or a tuple of bytes, not {}",
            vm.type_name(&args.pos[1])
        ))),
    }
}

fn b_startswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    startsend(vm, &args, "startswith", false)
}

fn b_endswith(vm: &mut Vm, args: Args) -> PyResult<Value> {
    startsend(vm, &args, "endswith", true)
}

fn split_impl(vm: &mut Vm, args: &Args, name: &str, right: bool) -> PyResult<Value> {
    let r = recv(vm, args, name)?;
    let a = parse_kw(vm, &args.pos[1..], args.kw, name, &["sep", "maxsplit"], 0)?;
    let sep = match &a[0] {
        None | Some(Value::None) => None,
        Some(v) => Some(buf_param(vm, v)?),
    };
    let max = match &a[1] {
        None => -1,
        Some(v) => ssize_arg(vm, v)?,
    };
    let parts = match &sep {
        None => split_ws(&r.data, max, right),
        Some(s) if s.is_empty() => return Err(vm.value_error("empty separator")),
        Some(s) if right => rsplit_bytes(&r.data, s, max),
        Some(s) => split_bytes(&r.data, s, max),
    };
    Ok(Value::list(
        parts.into_iter().map(|p| r.make(vm, p.to_vec())).collect(),
    ))
}

fn b_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, &args, "split", false)
}

fn b_rsplit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    split_impl(vm, &args, "rsplit", true)
}

fn b_splitlines(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv(vm, &args, "splitlines")?;
    let a = parse_kw(vm, &args.pos[1..], args.kw, "splitlines", &["keepends"], 0)?;
    let keepends = match &a[0] {
        Some(Value::Bool(b)) => b.get(),
        Some(v) => ssize_arg(vm, v)? != 0,
        None => false,
    };
    let d = &r.data;
    let mut out = Vec::new();
    let (mut start, mut i) = (0, 0);
    while i < d.len() {
        if d[i] == b'\n' || d[i] == b'\r' {
            let mut end = i + 1;
            if d[i] == b'\r' && d.get(i + 1) == Some(&b'\n') {
                end += 1;
            }
            out.push(r.make(vm, d[start..if keepends { end } else { i }].to_vec()));
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    if start < d.len() {
        out.push(r.make(vm, d[start..].to_vec()));
    }
    Ok(Value::list(out))
}

fn b_join(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv_checked(vm, &args, "join", Conv::One, 1, 1)?;
    let iterable = &args.pos[1];
    if !vm.is_iterable(iterable) {
        return Err(vm.type_error("can only join an iterable"));
    }
    let items = vm.collect(iterable)?;
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            out.extend_from_slice(&r.data);
        }
        match as_bytes(item) {
            Some(b) => out.extend_from_slice(&b),
            None => {
                return Err(vm.type_error(format!(
                    "sequence item {i}: expected a bytes-like object, {} found",
                    vm.type_name(item)
                )))
            }
        }
    }
    Ok(r.make(vm, out))
}

fn strip_impl(vm: &mut Vm, args: &Args, name: &str, left: bool, right: bool) -> PyResult<Value> {
    let r = recv_checked(vm, args, name, Conv::Clinic, 0, 1)?;
    let set: Option<Rc<Vec<u8>>> = match args.pos.get(1) {
        None | Some(Value::None) => None,
        Some(v) => Some(buf_param(vm, v)?),
    };
    let strip = |b: u8| match &set {
        None => is_ascii_space(b),
        Some(s) => s.contains(&b),
    };
    let d = &r.data;
    let mut i = 0;
    let mut j = d.len();
    if left {
        while i < j && strip(d[i]) {
            i += 1;
        }
    }
    if right {
        while j > i && strip(d[j - 1]) {
            j -= 1;
        }
    }
    if i == 0 && j == d.len() {
        return Ok(r.same(vm, &args.pos[0]));
    }
    Ok(r.make(vm, d[i..j].to_vec()))
}

fn b_strip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, "strip", true, true)
}

fn b_lstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, "lstrip", true, false)
}

fn b_rstrip(vm: &mut Vm, args: Args) -> PyResult<Value> {
    strip_impl(vm, &args, "rstrip", false, true)
}

fn map_impl(vm: &mut Vm, args: &Args, name: &str, f: fn(&[u8]) -> Vec<u8>) -> PyResult<Value> {
    let r = recv_checked(vm, args, name, Conv::NoArgs, 0, 0)?;
    Ok(r.make(vm, f(&r.data)))
}

fn b_upper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, &args, "upper", |d| d.to_ascii_uppercase())
}

fn b_lower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, &args, "lower", |d| d.to_ascii_lowercase())
}

fn b_swapcase(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, &args, "swapcase", |d| {
        d.iter()
            .map(|&b| {
                if b.is_ascii_uppercase() {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                }
            })
            .collect()
    })
}

fn b_capitalize(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, &args, "capitalize", |d| {
        d.iter()
            .enumerate()
            .map(|(i, &b)| {
                if i == 0 {
                    b.to_ascii_uppercase()
                } else {
                    b.to_ascii_lowercase()
                }
            })
            .collect()
    })
}

fn b_title(vm: &mut Vm, args: Args) -> PyResult<Value> {
    map_impl(vm, &args, "title", |d| {
        let mut prev_cased = false;
        d.iter()
            .map(|&b| {
                let out = if prev_cased {
                    b.to_ascii_lowercase()
                } else {
                    b.to_ascii_uppercase()
                };
                prev_cased = b.is_ascii_alphabetic();
                out
            })
            .collect()
    })
}

fn pred_impl(vm: &mut Vm, args: &Args, name: &str, f: fn(&[u8]) -> bool) -> PyResult<Value> {
    let r = recv_checked(vm, args, name, Conv::NoArgs, 0, 0)?;
    Ok(Value::bool(f(&r.data)))
}

fn b_isdigit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isdigit", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_digit)
    })
}

fn b_isalpha(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isalpha", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphabetic)
    })
}

fn b_isalnum(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isalnum", |d| {
        !d.is_empty() && d.iter().all(u8::is_ascii_alphanumeric)
    })
}

fn b_isspace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isspace", |d| {
        !d.is_empty() && d.iter().all(|&b| is_ascii_space(b))
    })
}

fn b_isupper(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isupper", |d| {
        d.iter().any(u8::is_ascii_uppercase) && !d.iter().any(u8::is_ascii_lowercase)
    })
}

fn b_islower(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "islower", |d| {
        d.iter().any(u8::is_ascii_lowercase) && !d.iter().any(u8::is_ascii_uppercase)
    })
}

fn b_istitle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "istitle", |d| {
        let (mut cased, mut prev) = (false, false);
        for &b in d {
            if b.is_ascii_uppercase() {
                if prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else if b.is_ascii_lowercase() {
                if !prev {
                    return false;
                }
                prev = true;
                cased = true;
            } else {
                prev = false;
            }
        }
        cased
    })
}

fn b_isascii(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pred_impl(vm, &args, "isascii", |d| d.is_ascii())
}

fn b_replace(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv_checked(vm, &args, "replace", Conv::Clinic, 2, 3)?;
    let old = buf_param(vm, &args.pos[1])?;
    let new = buf_param(vm, &args.pos[2])?;
    let count = match args.pos.get(3) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let max = if count < 0 {
        usize::MAX
    } else {
        count as usize
    };
    let d = &r.data;
    let mut out = Vec::with_capacity(d.len());
    if old.is_empty() {
        // Insert `new` before every byte and at the end, up to `max` times.
        let mut n = 0;
        for (i, &b) in d.iter().enumerate() {
            if n < max {
                out.extend_from_slice(&new);
                n += 1;
            } else {
                out.extend_from_slice(&d[i..]);
                return Ok(r.make(vm, out));
            }
            out.push(b);
        }
        if n < max {
            out.extend_from_slice(&new);
        }
        return Ok(r.make(vm, out));
    }
    let mut rest: &[u8] = d;
    let mut n = 0;
    while n < max {
        match find_bytes(rest, &old) {
            Some(i) => {
                out.extend_from_slice(&rest[..i]);
                out.extend_from_slice(&new);
                rest = &rest[i + old.len()..];
                n += 1;
            }
            None => break,
        }
    }
    out.extend_from_slice(rest);
    Ok(r.make(vm, out))
}

fn partition_impl(vm: &mut Vm, args: &Args, name: &str, right: bool) -> PyResult<Value> {
    let r = recv_checked(vm, args, name, Conv::One, 1, 1)?;
    let sep = buf_param(vm, &args.pos[1])?;
    if sep.is_empty() {
        return Err(vm.value_error("empty separator"));
    }
    let d = &r.data;
    let found = if right {
        rfind_bytes(d, &sep)
    } else {
        find_bytes(d, &sep)
    };
    let parts = match found {
        Some(i) => [d[..i].to_vec(), sep.to_vec(), d[i + sep.len()..].to_vec()],
        None if right => [vec![], vec![], d.to_vec()],
        None => [d.to_vec(), vec![], vec![]],
    };
    Ok(Value::tuple(
        parts.into_iter().map(|p| r.make(vm, p)).collect(),
    ))
}

fn b_partition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "partition", false)
}

fn b_rpartition(vm: &mut Vm, args: Args) -> PyResult<Value> {
    partition_impl(vm, &args, "rpartition", true)
}

fn affix_impl(vm: &mut Vm, args: &Args, name: &str, prefix: bool) -> PyResult<Value> {
    let r = recv_checked(vm, args, name, Conv::One, 1, 1)?;
    let a = buf_param(vm, &args.pos[1])?;
    let d = &r.data;
    let out = if prefix {
        d.strip_prefix(a.as_slice())
    } else {
        d.strip_suffix(a.as_slice())
    };
    match out {
        Some(o) if !a.is_empty() => Ok(r.make(vm, o.to_vec())),
        _ => Ok(r.same(vm, &args.pos[0])),
    }
}

fn b_removeprefix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, &args, "removeprefix", true)
}

fn b_removesuffix(vm: &mut Vm, args: Args) -> PyResult<Value> {
    affix_impl(vm, &args, "removesuffix", false)
}

fn pad_impl(vm: &mut Vm, args: &Args, name: &str, how: u8) -> PyResult<Value> {
    let r = recv_checked(vm, args, name, Conv::Clinic, 1, 2)?;
    let width = ssize_arg(vm, &args.pos[1])?;
    super::seq::alloc_check(vm, width.max(0) as u128)?;
    let fill = match args.pos.get(2) {
        None => b' ',
        Some(v) => match as_bytes(v) {
            Some(b) if b.len() == 1 => b[0],
            _ => {
                return Err(vm.type_error(format!(
                    "{name}() argument 2 must be a byte string of length 1, not {}",
                    vm.type_name(v)
                )))
            }
        },
    };
    let len = r.data.len() as i64;
    if width <= len {
        return Ok(r.same(vm, &args.pos[0]));
    }
    let marg = width - len;
    let left = match how {
        b'l' => 0,
        b'r' => marg,
        _ => marg / 2 + (marg & width & 1),
    } as usize;
    let right = marg as usize - left;
    let mut out = vec![fill; left];
    out.extend_from_slice(&r.data);
    out.extend(std::iter::repeat_n(fill, right));
    Ok(r.make(vm, out))
}

fn b_center(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "center", b'c')
}

fn b_ljust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "ljust", b'l')
}

fn b_rjust(vm: &mut Vm, args: Args) -> PyResult<Value> {
    pad_impl(vm, &args, "rjust", b'r')
}

fn b_zfill(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv_checked(vm, &args, "zfill", Conv::One, 1, 1)?;
    let width = ssize_arg(vm, &args.pos[1])?;
    super::seq::alloc_check(vm, width.max(0) as u128)?;
    let d = &r.data;
    if width <= d.len() as i64 {
        return Ok(r.same(vm, &args.pos[0]));
    }
    let zeros = vec![b'0'; width as usize - d.len()];
    let out = match d.first() {
        Some(&s @ (b'+' | b'-')) => [&[s][..], &zeros, &d[1..]].concat(),
        _ => [&zeros[..], &d[..]].concat(),
    };
    Ok(r.make(vm, out))
}

fn b_expandtabs(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let r = recv(vm, &args, "expandtabs")?;
    let a = parse_kw(vm, &args.pos[1..], args.kw, "expandtabs", &["tabsize"], 0)?;
    let tabsize = match &a[0] {
        Some(v) => ssize_arg(vm, v)?,
        None => 8,
    };
    let mut out = Vec::with_capacity(r.data.len());
    let mut col: i64 = 0;
    for &b in r.data.iter() {
        match b {
            b'\t' if tabsize > 0 => {
                let n = tabsize - col % tabsize;
                out.extend(std::iter::repeat_n(b' ', n as usize));
                col += n;
            }
            b'\t' => {}
            b'\n' | b'\r' => {
                out.push(b);
                col = 0;
            }
            _ => {
                out.push(b);
                col += 1;
            }
        }
    }
    Ok(r.make(vm, out))
}

// ----- construction -----------------------------------------------------------------------

/// The contents for `bytes(...)` / `bytearray(...)`: `(source[, encoding[, errors]])`.
pub fn bytes_from_args(
    vm: &mut Vm,
    pos: &[Value],
    kw: &[(crate::vm::symbol::Symbol, Value)],
    what: &str,
) -> PyResult<Vec<u8>> {
    let a = parse_kw(vm, pos, kw, what, &["source", "encoding", "errors"], 0)?;
    let encoding = match &a[1] {
        None => None,
        Some(v) => Some(str_kwarg(vm, &Some(v.clone()), what, "encoding", "utf-8")?),
    };
    let errors = match &a[2] {
        None => None,
        Some(v) => Some(str_kwarg(vm, &Some(v.clone()), what, "errors", "strict")?),
    };
    let Some(src) = &a[0] else {
        if encoding.is_some() || errors.is_some() {
            return Err(vm.type_error(if encoding.is_some() {
                "encoding without a string argument"
            } else {
                "errors without a string argument"
            }));
        }
        return Ok(vec![]);
    };
    if let Value::Str(s) = src {
        let Some(enc) = encoding else {
            return Err(vm.type_error("string argument without an encoding"));
        };
        return super::codecs::encode(vm, s.as_str(), &enc, errors.as_deref().unwrap_or("strict"));
    }
    if encoding.is_some() {
        return Err(vm.type_error("encoding without a string argument"));
    }
    if errors.is_some() {
        return Err(vm.type_error("errors without a string argument"));
    }
    if let Some(b) = as_bytes(src) {
        return Ok(b.to_vec());
    }
    match src {
        Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
            let n = ssize_arg(vm, src)?;
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            return Ok(vec![0; n as usize]);
        }
        Value::Float(_) => {
            return Err(vm.type_error(format!("cannot convert 'float' object to {what}")));
        }
        _ => {}
    }
    if let Value::Instance(_) = src {
        if let Some(f) = vm.lookup_special(src, intern("__bytes__")) {
            if what == "bytes" {
                let r = vm.call_bound(f, src.clone(), &[])?;
                return match r {
                    Value::Bytes(b) => Ok(b.to_vec()),
                    other => Err(vm.type_error(format!(
                        "__bytes__ returned non-bytes (type {})",
                        vm.type_name(&other)
                    ))),
                };
            }
        }
        if let Some(n) = vm.index_of(src)? {
            if n < 0 {
                return Err(vm.value_error("negative count"));
            }
            return Ok(vec![0; n as usize]);
        }
    }
    if !vm.is_iterable(src) {
        return Err(vm.type_error(format!(
            "cannot convert '{}' object to {what}",
            vm.type_name(src)
        )));
    }
    let items = vm.collect(src)?;
    let mut out = Vec::with_capacity(items.len());
    for i in items {
        let n = ssize_arg(vm, &i)?;
        match u8::try_from(n) {
            Ok(b) => out.push(b),
            Err(_) if what == "bytes" => {
                return Err(vm.value_error("bytes must be in range(0, 256)"))
            }
            Err(_) => return Err(vm.value_error("byte must be in range(0, 256)")),
        }
    }
    Ok(out)
}

fn bytearray_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = bytes_from_args(vm, &args.pos[1..], args.kw, "bytearray")?;
    let cls = match args.pos.first() {
        Some(Value::Class(c)) => c.clone(),
        _ => vm.types.bytearray.clone(),
    };
    Ok(Value::Instance(Rc::new(Instance::new(
        cls,
        Payload::boxed(Value::Bytes(Rc::new(data))),
    ))))
}

// ----- bytearray --------------------------------------------------------------------------

/// The payload cell of a `bytearray` receiver.
fn ba_cell<'a>(vm: &Vm, v: &'a Value, name: &str) -> PyResult<&'a RefCell<Value>> {
    if let Value::Instance(i) = v {
        if let Payload::Boxed(cell) = &i.payload {
            if matches!(&*cell.borrow(), Value::Bytes(_)) {
                return Ok(cell);
            }
        }
    }
    Err(vm.type_error(format!(
        "descriptor '{name}' for 'bytearray' objects doesn't apply to a '{}' object",
        vm.type_name(v)
    )))
}

/// Runs `f` on the mutable contents of the `bytearray` receiver.
fn ba_mutate<R>(
    vm: &Vm,
    args: &Args,
    name: &str,
    f: impl FnOnce(&mut Vec<u8>) -> R,
) -> PyResult<R> {
    let Some(recv) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "unbound method bytearray.{name}() needs an argument"
        )));
    };
    let cell = ba_cell(vm, recv, name)?;
    let mut v = cell.borrow_mut();
    match &mut *v {
        Value::Bytes(b) => Ok(f(Rc::make_mut(b))),
        _ => Err(vm.type_error("bytearray payload is not bytes")),
    }
}

fn ba_data(vm: &Vm, args: &Args, name: &str) -> PyResult<Rc<Vec<u8>>> {
    let Some(recv) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "unbound method bytearray.{name}() needs an argument"
        )));
    };
    let cell = ba_cell(vm, recv, name)?;
    let v = cell.borrow();
    match &*v {
        Value::Bytes(b) => Ok(b.clone()),
        _ => Err(vm.type_error("bytearray payload is not bytes")),
    }
}

fn ba_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = ba_data(vm, &args, "__repr__")?;
    let name = match args.pos.first() {
        Some(Value::Instance(i)) => i.class.name.clone(),
        _ => "bytearray".to_string(),
    };
    Ok(Value::string(format!(
        "{name}({})",
        super::numfmt::python_bytes_repr(&data)
    )))
}

fn ba_getitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__getitem__", Conv::One, 1, 1)?;
    let data = ba_data(vm, &args, "__getitem__")?;
    let idx = &args.pos[1];
    if let Value::Slice(_) = idx {
        let r = super::seq::get_item(vm, &Value::Bytes(data), idx)?;
        return Ok(match r {
            Value::Bytes(b) => new_bytearray(vm, b.to_vec()),
            other => other,
        });
    }
    let Some(i) = vm.index_of(idx)? else {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(idx)
        )));
    };
    match super::seq::normalize_index(i, data.len()) {
        Some(i) => Ok(Value::Int(data[i] as i64)),
        None => Err(vm.index_error("bytearray index out of range")),
    }
}

fn ba_setitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__setitem__", Conv::Tuple, 2, 2)?;
    let len = ba_data(vm, &args, "__setitem__")?.len();
    let idx = args.pos[1].clone();
    let value = args.pos[2].clone();
    if let Value::Slice(s) = &idx {
        let new: Vec<u8> = match as_bytes(&value) {
            Some(b) => b.to_vec(),
            None => {
                if matches!(value, Value::Int(_) | Value::Str(_)) || !vm.is_iterable(&value) {
                    return Err(vm.type_error(
                        "can assign only bytes, buffers, or iterables of ints in range(0, 256)",
                    ));
                }
                let items = vm.collect(&value)?;
                let mut out = Vec::with_capacity(items.len());
                for it in &items {
                    out.push(byte_value(vm, it)?);
                }
                out
            }
        };
        let si = super::seq::slice_indices(vm, s, len)?;
        if si.step == 1 {
            let start = si.start.max(0) as usize;
            let stop = (si.stop.max(si.start)).max(0) as usize;
            ba_mutate(vm, &args, "__setitem__", |d| {
                d.splice(start..stop.min(d.len()), new);
            })?;
            return Ok(Value::None);
        }
        if new.len() as i64 != si.len {
            return Err(vm.value_error(format!(
                "attempt to assign bytes of size {} to extended slice of size {}",
                new.len(),
                si.len
            )));
        }
        let idxs: Vec<usize> = si.indices().collect();
        ba_mutate(vm, &args, "__setitem__", |d| {
            for (k, i) in idxs.into_iter().enumerate() {
                d[i] = new[k];
            }
        })?;
        return Ok(Value::None);
    }
    let Some(i) = vm.index_of(&idx)? else {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(&idx)
        )));
    };
    let b = byte_value(vm, &value)?;
    let Some(i) = super::seq::normalize_index(i, len) else {
        return Err(vm.index_error("bytearray index out of range"));
    };
    ba_mutate(vm, &args, "__setitem__", |d| d[i] = b)?;
    Ok(Value::None)
}

fn ba_delitem(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__delitem__", Conv::One, 1, 1)?;
    let len = ba_data(vm, &args, "__delitem__")?.len();
    let idx = args.pos[1].clone();
    if let Value::Slice(s) = &idx {
        let si = super::seq::slice_indices(vm, s, len)?;
        let mut idxs: Vec<usize> = si.indices().collect();
        idxs.sort_unstable();
        ba_mutate(vm, &args, "__delitem__", |d| {
            for i in idxs.into_iter().rev() {
                d.remove(i);
            }
        })?;
        return Ok(Value::None);
    }
    let Some(i) = vm.index_of(&idx)? else {
        return Err(vm.type_error(format!(
            "bytearray indices must be integers or slices, not {}",
            vm.type_name(&idx)
        )));
    };
    let Some(i) = super::seq::normalize_index(i, len) else {
        return Err(vm.index_error("bytearray index out of range"));
    };
    ba_mutate(vm, &args, "__delitem__", |d| {
        d.remove(i);
    })?;
    Ok(Value::None)
}

fn ba_compare(
    vm: &mut Vm,
    args: &Args,
    name: &str,
    f: fn(std::cmp::Ordering) -> bool,
) -> PyResult<Value> {
    check(vm, args, "bytearray", name, Conv::One, 1, 1)?;
    let data = ba_data(vm, args, name)?;
    match as_bytes(&args.pos[1]) {
        Some(other) => Ok(Value::bool(f(data.as_slice().cmp(other.as_slice())))),
        None => Ok(Value::NotImplemented),
    }
}

fn ba_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ba_compare(vm, &args, "__eq__", |o| o.is_eq())
}

fn ba_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ba_compare(vm, &args, "__ne__", |o| o.is_ne())
}

fn ba_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ba_compare(vm, &args, "__lt__", |o| o.is_lt())
}

fn ba_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ba_compare(vm, &args, "__le__", |o| o.is_le())
}

fn ba_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ba_compare(vm, &args, "__gt__", |o| o.is_gt())
}

fn ba_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    ba_compare(vm, &args, "__ge__", |o| o.is_ge())
}

fn concat_operand(vm: &Vm, v: &Value) -> PyResult<Rc<Vec<u8>>> {
    as_bytes(v)
        .ok_or_else(|| vm.type_error(format!("can't concat {} to bytearray", vm.type_name(v))))
}

fn ba_add(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__add__", Conv::One, 1, 1)?;
    let data = ba_data(vm, &args, "__add__")?;
    let other = concat_operand(vm, &args.pos[1])?;
    Ok(new_bytearray(
        vm,
        [data.as_slice(), other.as_slice()].concat(),
    ))
}

/// `bytes + bytearray` gives `bytes`.
fn ba_radd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__radd__", Conv::One, 1, 1)?;
    let data = ba_data(vm, &args, "__radd__")?;
    match &args.pos[1] {
        Value::Bytes(b) => Ok(Value::Bytes(Rc::new(
            [b.as_slice(), data.as_slice()].concat(),
        ))),
        _ => Ok(Value::NotImplemented),
    }
}

fn ba_iadd(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__iadd__", Conv::One, 1, 1)?;
    let other = concat_operand(vm, &args.pos[1])?;
    ba_mutate(vm, &args, "__iadd__", |d| d.extend_from_slice(&other))?;
    Ok(args.pos[0].clone())
}

fn ba_mul(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "__mul__", Conv::One, 1, 1)?;
    let data = ba_data(vm, &args, "__mul__")?;
    if let Value::BigInt(_) = &args.pos[1] {
        return Err(vm.repeat_count_overflow());
    }
    let Some(n) = vm.index_of(&args.pos[1])? else {
        return Ok(Value::NotImplemented);
    };
    if super::seq::repeat_too_big(data.len(), n) {
        return Err(vm.memory_error());
    }
    Ok(new_bytearray(vm, data.repeat(n.max(0) as usize)))
}

fn ba_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "append", Conv::One, 1, 1)?;
    let b = byte_value(vm, &args.pos[1])?;
    ba_mutate(vm, &args, "append", |d| d.push(b))?;
    Ok(Value::None)
}

fn ba_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "extend", Conv::One, 1, 1)?;
    let src = &args.pos[1];
    let new: Vec<u8> = match as_bytes(src) {
        Some(b) => b.to_vec(),
        None => {
            if !vm.is_iterable(src) {
                return Err(
                    vm.type_error(format!("can't extend bytearray with {}", vm.type_name(src)))
                );
            }
            let items = vm.collect(src)?;
            let mut out = Vec::with_capacity(items.len());
            for it in &items {
                out.push(byte_value(vm, it)?);
            }
            out
        }
    };
    ba_mutate(vm, &args, "extend", |d| d.extend_from_slice(&new))?;
    Ok(Value::None)
}

fn ba_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "pop", Conv::Clinic, 0, 1)?;
    let idx = match args.pos.get(1) {
        Some(v) => ssize_arg(vm, v)?,
        None => -1,
    };
    let len = ba_data(vm, &args, "pop")?.len();
    if len == 0 {
        return Err(vm.index_error("pop from empty bytearray"));
    }
    let Some(i) = super::seq::normalize_index(idx, len) else {
        return Err(vm.index_error("pop index out of range"));
    };
    let b = ba_mutate(vm, &args, "pop", |d| d.remove(i))?;
    Ok(Value::Int(b as i64))
}

fn ba_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "insert", Conv::Clinic, 2, 2)?;
    let idx = ssize_arg(vm, &args.pos[1])?;
    let b = byte_value(vm, &args.pos[2])?;
    ba_mutate(vm, &args, "insert", |d| {
        let len = d.len() as i64;
        let i = if idx < 0 {
            (idx + len).max(0)
        } else {
            idx.min(len)
        };
        d.insert(i as usize, b);
    })?;
    Ok(Value::None)
}

fn ba_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "remove", Conv::One, 1, 1)?;
    let b = byte_value(vm, &args.pos[1])?;
    let found = ba_mutate(vm, &args, "remove", |d| {
        match d.iter().position(|&x| x == b) {
            Some(i) => {
                d.remove(i);
                true
            }
            None => false,
        }
    })?;
    if !found {
        return Err(vm.value_error("value not found in bytearray"));
    }
    Ok(Value::None)
}

fn ba_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "clear", Conv::NoArgs, 0, 0)?;
    ba_mutate(vm, &args, "clear", |d| d.clear())?;
    Ok(Value::None)
}

fn ba_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "reverse", Conv::NoArgs, 0, 0)?;
    ba_mutate(vm, &args, "reverse", |d| d.reverse())?;
    Ok(Value::None)
}

fn ba_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    check(vm, &args, "bytearray", "copy", Conv::NoArgs, 0, 0)?;
    let data = ba_data(vm, &args, "copy")?;
    Ok(new_bytearray(vm, data.to_vec()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_splitting() {
        assert_eq!(
            split_bytes(b"a,b,,c", b",", -1),
            vec![&b"a"[..], b"b", b"", b"c"]
        );
        assert_eq!(split_bytes(b"a,b,c", b",", 1), vec![&b"a"[..], b"b,c"]);
        assert_eq!(rsplit_bytes(b"a,b,c", b",", 1), vec![&b"a,b"[..], b"c"]);
        assert_eq!(split_ws(b"  a b  c ", 1, false), vec![&b"a"[..], b"b  c "]);
        assert_eq!(split_ws(b"  a b  c ", 1, true), vec![&b"  a b"[..], b"c"]);
        assert_eq!(count_bytes(b"aaaa", b"aa", usize::MAX), 2);
        assert_eq!(rfind_bytes(b"abcabc", b"bc"), Some(4));
    }
}
