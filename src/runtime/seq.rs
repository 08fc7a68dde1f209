//! Sequence operations shared by `str`, `bytes`, `list`, `tuple` and `range`: indexing with
//! negative indices, slicing with steps (CPython's `PySlice_AdjustIndices`), concatenation and
//! repetition, and list item/slice assignment and deletion.

use std::rc::Rc;

use crate::syntax::ast::BinOp;
use crate::vm::object::{Range, Slice};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// Resolved slice bounds over a sequence of length `len`.
pub struct SliceIndices {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
    pub len: i64,
}

impl SliceIndices {
    pub fn indices(&self) -> impl Iterator<Item = usize> + '_ {
        (0..self.len).map(move |i| (self.start + i * self.step) as usize)
    }
}

fn slice_part(vm: &mut Vm, v: &Value) -> PyResult<Option<i64>> {
    match v {
        Value::None => Ok(None),
        Value::BigInt(b) => {
            use num_traits::Signed;
            Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))
        }
        other => match vm.index_of(other)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

pub fn slice_indices(vm: &mut Vm, s: &Slice, len: usize) -> PyResult<SliceIndices> {
    let step = slice_part(vm, &s.step)?.unwrap_or(1);
    if step == 0 {
        return Err(vm.value_error("slice step cannot be zero"));
    }
    let start = slice_part(vm, &s.start)?;
    let stop = slice_part(vm, &s.stop)?;
    Ok(indices_of(start, stop, step, len))
}

/// `slice_indices` of a slice whose parts are ints or None (nothing to convert, no error
/// possible) and whose step is not zero; None otherwise.
pub fn plain_slice_indices(s: &Slice, len: usize) -> Option<SliceIndices> {
    let part = |v: &Value| match v {
        Value::None => Some(None),
        Value::Int(i) => Some(Some(*i)),
        _ => None,
    };
    let step = part(&s.step)?.unwrap_or(1);
    if step == 0 {
        return None;
    }
    Some(indices_of(part(&s.start)?, part(&s.stop)?, step, len))
}

/// The indices `start:stop:step` (not zero) selects from `len` items.
fn indices_of(start: Option<i64>, stop: Option<i64>, step: i64, len: usize) -> SliceIndices {
    // As CPython's `PySlice_Unpack` does (and so `-step` cannot overflow).
    let step = step.max(-i64::MAX);
    let len = len as i64;
    let (lower, upper) = if step < 0 { (-1, len - 1) } else { (0, len) };
    let clamp = |v: Option<i64>, default: i64| -> i64 {
        match v {
            None => default,
            Some(mut x) => {
                if x < 0 {
                    x += len;
                    if x < lower {
                        x = lower;
                    }
                } else if x > upper {
                    x = upper;
                }
                x
            }
        }
    };
    let start = clamp(start, if step < 0 { upper } else { lower });
    let stop = clamp(stop, if step < 0 { lower } else { upper });
    let count = if step < 0 {
        if stop < start {
            (start - stop - 1) / (-step) + 1
        } else {
            0
        }
    } else if start < stop {
        (stop - start - 1) / step + 1
    } else {
        0
    };
    SliceIndices {
        start,
        stop,
        step,
        len: count,
    }
}

/// Normalises a (possibly negative) index; `None` when out of range.
pub fn normalize_index(i: i64, len: usize) -> Option<usize> {
    let len = len as i64;
    let i = if i < 0 { i + len } else { i };
    (0..len).contains(&i).then_some(i as usize)
}

fn index_error(vm: &Vm, what: &str) -> crate::vm::PyErr {
    match what {
        "" => vm.index_error("index out of range"),
        _ => vm.index_error(format!("{what} index out of range")),
    }
}

/// The `str` of the characters of ASCII `text` at a step slice's indices (which
/// `slice_indices` keeps in range).
fn pick_ascii(text: &str, idx: &SliceIndices) -> Value {
    let bytes = text.as_bytes();
    let len = idx.len.max(0) as usize;
    let fill = |out: &mut [u8]| {
        if len == 0 {
            return;
        }
        if idx.step == -1 {
            // `s[::-1]` and its kin: one reversed run.
            let first = idx.start as usize;
            let last = first + 1 - len;
            if let Some(run) = bytes.get(last..=first) {
                for (o, b) in out.iter_mut().zip(run.iter().rev()) {
                    *o = *b;
                }
            }
        } else {
            for (o, i) in out.iter_mut().zip(idx.indices()) {
                *o = bytes.get(i).copied().unwrap_or(0);
            }
        }
    };
    // SAFETY: bytes picked from ASCII text are ASCII (a NUL where none was picked).
    unsafe { super::str::ascii_fill_value(len, fill) }
}

fn indices_type_error(vm: &Vm, what: &str, index: &Value) -> crate::vm::PyErr {
    vm.type_error(format!(
        "{what} indices must be integers or slices, not {}",
        vm.type_name(index)
    ))
}

pub fn get_item(vm: &mut Vm, obj: &Value, index: &Value) -> PyResult<Value> {
    if let Value::Slice(s) = index {
        return get_slice(vm, obj, s);
    }
    let what = match obj {
        Value::List(_) => "list",
        Value::Tuple(_) => "tuple",
        Value::Str(_) => "string",
        // (CPython's bytes message has no type name: "index out of range".)
        Value::Bytes(_) => "",
        Value::Range(_) => "range object",
        _ => {
            return Err(vm.type_error(format!(
                "'{}' object is not subscriptable",
                vm.type_name(obj)
            )))
        }
    };
    let i = match vm.index_of(index)? {
        Some(i) => i,
        None => {
            if let Value::Str(_) = obj {
                return Err(vm.type_error(format!(
                    "string indices must be integers, not '{}'",
                    vm.type_name(index)
                )));
            }
            let name = match obj {
                Value::Bytes(_) => "byte",
                Value::Range(_) => "range",
                Value::List(_) => "list",
                _ => "tuple",
            };
            return Err(indices_type_error(vm, name, index));
        }
    };
    match obj {
        Value::List(l) => {
            let l = l.borrow();
            match normalize_index(i, l.len()) {
                Some(i) => Ok(l[i].clone()),
                None => Err(index_error(vm, what)),
            }
        }
        Value::Tuple(t) => match normalize_index(i, t.len()) {
            Some(i) => Ok(t[i].clone()),
            None => Err(index_error(vm, what)),
        },
        Value::Str(s) => match normalize_index(i, s.char_len()) {
            Some(i) => {
                let c = s.char_at(i).unwrap_or('\0');
                Ok(super::str::char_value(c))
            }
            None => Err(index_error(vm, what)),
        },
        Value::Bytes(b) => match normalize_index(i, b.len()) {
            Some(i) => Ok(Value::Int(b[i] as i64)),
            None => Err(index_error(vm, what)),
        },
        Value::Range(r) => match normalize_index(i, r.len() as usize) {
            Some(i) => Ok(Value::Int(r.get(i as i64))),
            None => Err(index_error(vm, what)),
        },
        _ => unreachable!(),
    }
}

/// `obj[s]` for a list, tuple or str and a slice of ints or None (`plain_slice_indices`), the
/// run loop's fast path; None for anything else.
pub fn slice_fast(obj: &Value, s: &Slice) -> Option<Value> {
    match obj {
        Value::List(l) => {
            let l = l.try_borrow().ok()?;
            Some(list_slice(&l, &plain_slice_indices(s, l.len())?))
        }
        Value::Tuple(t) => Some(tuple_slice(obj, t, &plain_slice_indices(s, t.len())?)),
        Value::Str(st) => Some(str_slice(obj, st, &plain_slice_indices(s, st.char_len())?)),
        _ => None,
    }
}

fn list_slice(l: &[Value], idx: &SliceIndices) -> Value {
    Value::list(idx.indices().map(|i| l[i].clone()).collect())
}

/// `t[idx]` for the tuple `obj` (`t`).
fn tuple_slice(obj: &Value, t: &[Value], idx: &SliceIndices) -> Value {
    if idx.step == 1 && idx.len as usize == t.len() {
        return obj.clone();
    }
    Value::tuple(idx.indices().map(|i| t[i].clone()).collect())
}

/// `st[idx]` for the str `obj` (`st`).
fn str_slice(obj: &Value, st: &super::str::PyStr, idx: &SliceIndices) -> Value {
    if idx.step == 1 {
        if idx.len <= 0 {
            return Value::str("");
        }
        let start = idx.start as usize;
        if start == 0 && idx.len as usize == st.char_len() {
            // A full slice of an exact `str` is the string itself, as in CPython.
            return obj.clone();
        }
        return Value::str(st.substring(start, start + idx.len as usize));
    }
    if st.is_ascii() {
        return pick_ascii(st.as_str(), idx);
    }
    let count = idx.len.max(0) as usize;
    let mut out = String::new();
    if idx.step > 0 {
        // Forward steps walk the text once, without collecting its characters.
        let chars = st.as_str().chars().skip(idx.start.max(0) as usize);
        out.extend(chars.step_by(idx.step as usize).take(count));
    } else {
        let chars: Vec<char> = st.as_str().chars().collect();
        out.extend(idx.indices().filter_map(|i| chars.get(i).copied()));
    }
    Value::Str(super::str::PyStr::with_char_len(&out, count))
}

fn get_slice(vm: &mut Vm, obj: &Value, s: &Slice) -> PyResult<Value> {
    match obj {
        Value::List(l) => {
            let len = l.borrow().len();
            let idx = slice_indices(vm, s, len)?;
            Ok(list_slice(&l.borrow(), &idx))
        }
        Value::Tuple(t) => {
            let idx = slice_indices(vm, s, t.len())?;
            Ok(tuple_slice(obj, t, &idx))
        }
        Value::Str(st) => {
            let idx = slice_indices(vm, s, st.char_len())?;
            Ok(str_slice(obj, st, &idx))
        }
        Value::Bytes(b) => {
            let idx = slice_indices(vm, s, b.len())?;
            Ok(Value::Bytes(Rc::new(idx.indices().map(|i| b[i]).collect())))
        }
        Value::Range(r) => {
            let idx = slice_indices(vm, s, r.len() as usize)?;
            Ok(Value::Range(Rc::new(Range {
                start: r.start + idx.start * r.step,
                stop: r.start + idx.stop * r.step,
                step: r.step * idx.step,
            })))
        }
        _ => Err(vm.type_error(format!(
            "'{}' object is not subscriptable",
            vm.type_name(obj)
        ))),
    }
}

pub fn list_set_item(vm: &mut Vm, obj: &Value, index: Value, value: Value) -> PyResult<()> {
    let Value::List(l) = obj else {
        return Err(vm.type_error("list expected"));
    };
    if let Value::Slice(s) = &index {
        let items = vm
            .collect(&value)
            .map_err(|_| vm.type_error("can only assign an iterable"))?;
        let len = l.borrow().len();
        let idx = slice_indices(vm, s, len)?;
        let mut list = l.borrow_mut();
        if idx.step == 1 {
            let start = idx.start.max(0) as usize;
            let stop = (idx.stop.max(idx.start)).max(0) as usize;
            list.splice(start.min(len)..stop.min(len), items);
            return Ok(());
        }
        if items.len() as i64 != idx.len {
            return Err(vm.value_error(format!(
                "attempt to assign sequence of size {} to extended slice of size {}",
                items.len(),
                idx.len
            )));
        }
        let positions: Vec<usize> = idx.indices().collect();
        for (pos, item) in positions.into_iter().zip(items) {
            list[pos] = item;
        }
        return Ok(());
    }
    let Some(i) = vm.index_of(&index)? else {
        return Err(indices_type_error(vm, "list", &index));
    };
    let mut list = l.borrow_mut();
    match normalize_index(i, list.len()) {
        Some(i) => {
            list[i] = value;
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

pub fn list_del_item(vm: &mut Vm, obj: &Value, index: &Value) -> PyResult<()> {
    let Value::List(l) = obj else {
        return Err(vm.type_error("list expected"));
    };
    if let Value::Slice(s) = index {
        let len = l.borrow().len();
        let idx = slice_indices(vm, s, len)?;
        let mut positions: Vec<usize> = idx.indices().collect();
        positions.sort_unstable();
        let mut list = l.borrow_mut();
        for p in positions.into_iter().rev() {
            list.remove(p);
        }
        return Ok(());
    }
    let Some(i) = vm.index_of(index)? else {
        return Err(indices_type_error(vm, "list", index));
    };
    let mut list = l.borrow_mut();
    match normalize_index(i, list.len()) {
        Some(i) => {
            list.remove(i);
            Ok(())
        }
        None => Err(vm.index_error("list assignment index out of range")),
    }
}

fn repeat<T: Clone>(items: &[T], n: i64) -> Vec<T> {
    let mut out = Vec::with_capacity(items.len() * n.max(0) as usize);
    for _ in 0..n.max(0) {
        out.extend_from_slice(items);
    }
    out
}

/// The items of `list * n` (and of `list *= n`), or MemoryError when they could not be held.
pub fn list_repeat(vm: &Vm, items: &[Value], n: i64) -> PyResult<Vec<Value>> {
    if repeat_too_big(items.len(), n) {
        return Err(vm.memory_error());
    }
    Ok(repeat(items, n))
}

/// MemoryError when `size` (items, or bytes of text) is past `ALLOC_LIMIT`: for sizes a
/// program asks for (a width, a count) before anything is allocated.
pub fn alloc_check(vm: &Vm, size: u128) -> PyResult<()> {
    if size > ALLOC_LIMIT {
        return Err(vm.memory_error());
    }
    Ok(())
}

/// Whether `len` items repeated `n` times are past `ALLOC_LIMIT`.
pub fn repeat_too_big(len: usize, n: i64) -> bool {
    n > 0 && (len as u128) * (n as u128) > ALLOC_LIMIT
}

/// Sizes (items, or bytes of text) past which a repetition or a replacement raises
/// MemoryError rather than trying to allocate: this machine could not hold the result, and
/// CPython's allocation fails there.
pub(crate) const ALLOC_LIMIT: u128 = 1 << 32;

/// `+`, `*` and `%` on sequences and strings; `None` for NotImplemented.
pub fn sequence_binary(vm: &mut Vm, op: BinOp, a: &Value, b: &Value) -> Option<PyResult<Value>> {
    // A builtin-subclass operand (`"ab" + MyStr("c")`, `"ab" * MyInt(2)`) acts as its value.
    if let Value::Instance(i) = b {
        if let crate::vm::object::Payload::Boxed(inner) = &i.payload {
            let inner = inner.borrow().clone();
            let same_seq = matches!(
                (a, &inner),
                (Value::Str(_), Value::Str(_))
                    | (Value::List(_), Value::List(_))
                    | (Value::Tuple(_), Value::Tuple(_))
            );
            let repeat = op == BinOp::Mult
                && matches!(
                    a,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                )
                && matches!(inner, Value::Int(_));
            if (op == BinOp::Add && same_seq) || repeat {
                return sequence_binary(vm, op, a, &inner);
            }
        }
    }
    let count = |v: &Value| -> Option<i64> {
        match v {
            Value::Int(i) => Some(*i),
            Value::Bool(b) => Some(b.get() as i64),
            _ => None,
        }
    };
    match (op, a, b) {
        (BinOp::Add, Value::Str(x), Value::Str(y)) => Some(Ok(super::str::concat(x, y))),
        (BinOp::Add, Value::List(x), Value::List(y)) => {
            let mut v = x.borrow().clone();
            v.extend(y.borrow().iter().cloned());
            Some(Ok(Value::list(v)))
        }
        (BinOp::Add, Value::Tuple(x), Value::Tuple(y)) => {
            let mut v = x.to_vec();
            v.extend(y.iter().cloned());
            Some(Ok(Value::tuple(v)))
        }
        (BinOp::Add, Value::Bytes(x), Value::Bytes(y)) => {
            let mut v = x.to_vec();
            v.extend_from_slice(y);
            Some(Ok(Value::Bytes(Rc::new(v))))
        }
        (BinOp::Mult, seq, n) | (BinOp::Mult, n, seq)
            if count(n).is_some()
                && matches!(
                    seq,
                    Value::Str(_) | Value::List(_) | Value::Tuple(_) | Value::Bytes(_)
                ) =>
        {
            let n = count(n).unwrap_or(0);
            // CPython: str and bytes past `sys.maxsize` overflow; anything too big to
            // allocate is a MemoryError.
            let overflows = |len: usize| n > 0 && (len as u128) * (n as u128) > isize::MAX as u128;
            Some(match seq {
                Value::Str(s) if overflows(s.as_str().len()) => {
                    Err(vm.err(&vm.types.overflow_error, "repeated string is too long"))
                }
                Value::Bytes(b) if overflows(b.len()) => {
                    Err(vm.err(&vm.types.overflow_error, "repeated bytes are too long"))
                }
                Value::Str(s) => {
                    if repeat_too_big(s.as_str().len(), n) {
                        Err(vm.memory_error())
                    } else {
                        Ok(Value::string(s.as_str().repeat(n.max(0) as usize)))
                    }
                }
                Value::List(l) => {
                    let items = l.borrow().clone();
                    list_repeat(vm, &items, n).map(Value::list)
                }
                Value::Tuple(t) if repeat_too_big(t.len(), n) => Err(vm.memory_error()),
                Value::Bytes(b) if repeat_too_big(b.len(), n) => Err(vm.memory_error()),
                Value::Tuple(t) => Ok(Value::tuple(repeat(t, n))),
                Value::Bytes(b) => Ok(Value::Bytes(Rc::new(repeat(b, n)))),
                _ => unreachable!(),
            })
        }
        (BinOp::Mod, Value::Str(fmt), args) => {
            Some(super::printf::percent_format(vm, fmt.as_str(), args))
        }
        (BinOp::Mod, Value::Bytes(fmt), args) => {
            Some(super::printf::bytes_percent_format(vm, fmt, args))
        }
        (
            BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor,
            Value::Set(_) | Value::FrozenSet(_),
            Value::Set(_) | Value::FrozenSet(_),
        ) => Some(super::setops::binary(vm, op, a, b)),
        (BinOp::BitOr | BinOp::BitAnd | BinOp::Sub | BinOp::BitXor, _, _)
            if super::setops::is_set_like_view(a) || super::setops::is_set_like_view(b) =>
        {
            Some(super::setops::view_binary(vm, op, a, b))
        }
        // `int | None` between types: a union.
        (BinOp::BitOr, Value::Class(_), _) | (BinOp::BitOr, _, Value::Class(_)) => {
            super::generic_alias::union(vm, a, b).transpose()
        }
        (BinOp::BitOr, Value::Dict(x), Value::Dict(_)) => {
            let d = Value::dict(x.borrow().clone());
            Some(vm.dict_update_from(&d, b, false).map(|_| d))
        }
        _ => None,
    }
}

/// Builds `range(...)` from already-converted bounds.
pub fn make_range(vm: &Vm, start: i64, stop: i64, step: i64) -> PyResult<Value> {
    if step == 0 {
        return Err(vm.value_error("range() arg 3 must not be zero"));
    }
    Ok(Value::Range(Rc::new(Range { start, stop, step })))
}

pub const SLICE_METHODS: &[(&str, crate::vm::object::BuiltinFn)] =
    &[("indices", slice_indices_method)];

/// `slice.indices(len)`: the (start, stop, step) that slicing a sequence of `len` uses.
fn slice_indices_method(vm: &mut Vm, args: crate::vm::object::Args) -> PyResult<Value> {
    let (Some(Value::Slice(s)), Some(n)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error(format!(
            "slice.indices() takes exactly one argument ({} given)",
            args.pos.len().saturating_sub(1)
        )));
    };
    let Some(len) = vm.index_of(n)? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(n)
        )));
    };
    if len < 0 {
        return Err(vm.value_error("length should not be negative"));
    }
    let s = s.clone();
    let idx = slice_indices(vm, &s, len as usize)?;
    Ok(Value::tuple(vec![
        Value::Int(idx.start),
        Value::Int(idx.stop),
        Value::Int(idx.step),
    ]))
}
