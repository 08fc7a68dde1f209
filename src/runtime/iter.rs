//! Native iterators: over builtin containers (`list_iterator`, `range_iterator`, ...), the lazy
//! builtins (`enumerate`, `zip`, `map`, `filter`, `reversed`, `iter(f, sentinel)`), and the dict
//! views (`dict_keys`, `dict_values`, `dict_items`), which share the representation because a
//! view is "something you can iterate again".

use std::cell::RefCell;
use std::rc::Rc;

use crate::runtime::str::PyStr;
use crate::vm::object::{Class, NativeIter};
use crate::vm::value::{DictRef, ListRef, SetRef, Value};
use crate::vm::{PyResult, Vm};

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ViewKind {
    Keys,
    Values,
    Items,
}

pub enum IterState {
    List(ListRef, usize),
    ListReverse(ListRef, usize),
    Tuple(Rc<Vec<Value>>, usize),
    /// Byte offset into the string.
    Str(PyStr, usize),
    Bytes(Rc<Vec<u8>>, usize),
    Range {
        next: i64,
        step: i64,
        remaining: i64,
    },
    DictKeys {
        dict: DictRef,
        pos: usize,
        /// The size when iteration started (a change is an error).
        len: usize,
        /// Entries still expected; finding another one means the keys changed.
        remaining: usize,
    },
    DictValues {
        dict: DictRef,
        pos: usize,
        len: usize,
        remaining: usize,
    },
    DictItems {
        dict: DictRef,
        pos: usize,
        len: usize,
        remaining: usize,
    },
    Set {
        set: SetRef,
        pos: usize,
        len: usize,
    },
    /// Over a `collections.deque`: the state it had when iteration began, and the items
    /// still to come.
    Deque {
        deque: Value,
        pos: usize,
        state: u64,
        remaining: usize,
    },
    /// Old-style iteration through `__getitem__` with 0, 1, 2, ... until IndexError.
    SequenceProtocol(Value, i64),
    Enumerate {
        inner: Value,
        /// The next item's number: an `Int`, or a `BigInt` past 64 bits.
        count: Value,
    },
    Zip {
        iters: Vec<Value>,
        strict: bool,
    },
    Map {
        func: Value,
        iters: Vec<Value>,
    },
    Filter {
        func: Value,
        inner: Value,
    },
    /// `reversed(seq)` for sequences without a native reverse iterator.
    Reversed {
        seq: Value,
        index: i64,
        /// The type name CPython gives this reverse iterator.
        name: &'static str,
    },
    CallableSentinel {
        func: Value,
        sentinel: Value,
    },
    /// A dict view (not itself an iterator: `iter(view)` starts a fresh one).
    DictView(ViewKind, DictRef),
    /// `coro.__await__()`: iterating it drives the coroutine.
    CoroutineWrapper(Rc<crate::vm::object::Generator>),
    /// An async generator's `asend`/`athrow`/`aclose` awaitable.
    AsyncGenStep(Box<crate::asyncio::asyncgen::AgenAwaitable>),
    /// `anext(it, default)`: awaits the inner awaitable, turning StopAsyncIteration into the
    /// default.
    AnextDefault(Value, Value),
    /// A finished iterator that must not restart (CPython drops its sequence); keeps the
    /// type name it had.
    Exhausted(&'static str),
}

impl IterState {
    pub fn type_name(&self) -> &'static str {
        match self {
            IterState::List(..) => "list_iterator",
            IterState::ListReverse(..) => "list_reverseiterator",
            IterState::Tuple(..) => "tuple_iterator",
            IterState::Str(..) => "str_ascii_iterator",
            IterState::Bytes(..) => "bytes_iterator",
            IterState::Range { .. } => "range_iterator",
            IterState::DictKeys { .. } => "dict_keyiterator",
            IterState::DictValues { .. } => "dict_valueiterator",
            IterState::DictItems { .. } => "dict_itemiterator",
            IterState::Set { .. } => "set_iterator",
            IterState::Deque { .. } => "_deque_iterator",
            IterState::SequenceProtocol(..) => "iterator",
            IterState::Enumerate { .. } => "enumerate",
            IterState::Zip { .. } => "zip",
            IterState::Map { .. } => "map",
            IterState::Filter { .. } => "filter",
            IterState::Reversed { name, .. } => name,
            IterState::CallableSentinel { .. } => "callable_iterator",
            IterState::DictView(ViewKind::Keys, _) => "dict_keys",
            IterState::DictView(ViewKind::Values, _) => "dict_values",
            IterState::DictView(ViewKind::Items, _) => "dict_items",
            IterState::CoroutineWrapper(_) => "coroutine_wrapper",
            IterState::AnextDefault(..) => "anext_awaitable",
            IterState::AsyncGenStep(a) => {
                if a.close {
                    "async_generator_athrow"
                } else {
                    "async_generator_asend"
                }
            }
            IterState::Exhausted(name) => name,
        }
    }
}

pub fn new_iter(state: IterState) -> Value {
    Value::Iter(Rc::new(NativeIter {
        state: std::cell::RefCell::new(state),
    }))
}

pub fn class_of_iter(vm: &Vm, it: &NativeIter) -> Rc<Class> {
    let name = match it.state.try_borrow() {
        Ok(s) => s.type_name(),
        Err(_) => "iterator",
    };
    vm.types.iterator_class(name)
}

pub fn is_dict_view(it: &NativeIter) -> bool {
    matches!(
        it.state.try_borrow().as_deref(),
        Ok(IterState::DictView(..))
    )
}

/// The kind and dict of a dict view value.
pub fn view_of(v: &Value) -> Option<(ViewKind, DictRef)> {
    let Value::Iter(it) = v else {
        return None;
    };
    match it.state.try_borrow().as_deref() {
        Ok(IterState::DictView(kind, d)) => Some((*kind, d.clone())),
        _ => None,
    }
}

pub fn view_len(it: &NativeIter) -> Option<usize> {
    match it.state.try_borrow().as_deref() {
        Ok(IterState::DictView(_, d)) => Some(d.borrow().len()),
        _ => None,
    }
}

/// `iter(view)`: a fresh iterator over a dict view.
pub fn view_iter_state(it: &NativeIter) -> Option<IterState> {
    let state = it.state.try_borrow().ok()?;
    let IterState::DictView(kind, d) = &*state else {
        return None;
    };
    let len = d.borrow().len();
    let dict = d.clone();
    Some(match kind {
        ViewKind::Keys => IterState::DictKeys {
            dict,
            pos: 0,
            len,
            remaining: len,
        },
        ViewKind::Values => IterState::DictValues {
            dict,
            pos: 0,
            len,
            remaining: len,
        },
        ViewKind::Items => IterState::DictItems {
            dict,
            pos: 0,
            len,
            remaining: len,
        },
    })
}

pub fn view_contains(vm: &mut Vm, it: &NativeIter, item: &Value) -> PyResult<bool> {
    let (kind, d) = match &*it.state.borrow() {
        IterState::DictView(k, d) => (*k, d.clone()),
        _ => return Ok(false),
    };
    match kind {
        ViewKind::Keys => Ok(vm.dict_get(&d, item)?.is_some()),
        ViewKind::Values => {
            for v in d.borrow().values() {
                if vm.eq(&v, item)? {
                    return Ok(true);
                }
            }
            Ok(false)
        }
        ViewKind::Items => {
            let Value::Tuple(t) = item else {
                return Ok(false);
            };
            if t.len() != 2 {
                return Ok(false);
            }
            match vm.dict_get(&d, &t[0])? {
                Some(v) => vm.eq(&v, &t[1]),
                None => Ok(false),
            }
        }
    }
}

/// One step of a dict iterator (CPython's `dictiter_iternext*`): the size must not change, and
/// finding more entries than there were means keys were replaced.
fn dict_step(
    vm: &Vm,
    dict: &DictRef,
    pos: &mut usize,
    len: usize,
    remaining: &mut usize,
    take: impl Fn(&super::dict::DictEntry) -> Value,
) -> PyResult<Option<Value>> {
    let d = dict.borrow();
    if d.len() != len {
        return Err(changed_size(vm, "dictionary"));
    }
    while *pos < d.slots() {
        let p = *pos;
        *pos += 1;
        if let Some(e) = d.entry_at(p) {
            if *remaining == 0 {
                return Err(vm.runtime_error("dictionary keys changed during iteration"));
            }
            *remaining -= 1;
            return Ok(Some(take(e)));
        }
    }
    Ok(None)
}

fn changed_size(vm: &Vm, what: &str) -> crate::vm::PyErr {
    vm.runtime_error(format!("{what} changed size during iteration"))
}

/// `iter(v)` for a list, tuple, str or range (also the run loop's `GetIter` fast path);
/// `None` for anything else, which `Vm::get_iter` handles.
#[inline]
pub fn iter_fast(v: &Value) -> Option<Value> {
    let state = match v {
        Value::List(l) => IterState::List(l.clone(), 0),
        Value::Tuple(t) => IterState::Tuple(t.clone(), 0),
        Value::Str(s) => IterState::Str(s.clone(), 0),
        Value::Range(r) => IterState::Range {
            next: r.start,
            step: r.step,
            remaining: r.len(),
        },
        _ => return None,
    };
    Some(Value::Iter(Rc::new(NativeIter {
        state: RefCell::new(state),
    })))
}

/// Whether `it` is a list, tuple, str or range iterator with nothing left, without the VM (the
/// run loop's `ForIter` ends its loop here). A list iterator is then marked exhausted, as
/// `next_native` marks it (items appended later are not seen). False for anything else, which
/// `next_native` handles.
#[inline(never)]
pub fn exhausted_fast(it: &NativeIter) -> bool {
    let Ok(mut state) = it.state.try_borrow_mut() else {
        return false;
    };
    match &mut *state {
        IterState::List(l, i) => {
            let done = l.try_borrow().is_ok_and(|l| *i >= l.len());
            if done {
                *state = IterState::Exhausted("list_iterator");
            }
            done
        }
        IterState::Tuple(t, i) => *i >= t.len(),
        IterState::Str(s, pos) => *pos >= s.as_str().len(),
        IterState::Range { remaining, .. } => *remaining <= 0,
        IterState::Exhausted(_) => true,
        _ => false,
    }
}

/// The next item of a list, tuple, range or dict iterator that has one, without the VM (the
/// run loop's `ForIter` fast path); `None` for anything else, exhaustion included, which
/// `next_native` then handles.
#[inline(always)]
pub fn next_fast(it: &NativeIter) -> Option<Value> {
    let mut state = it.state.try_borrow_mut().ok()?;
    match &mut *state {
        IterState::List(l, i) => {
            let v = l.try_borrow().ok()?.get(*i)?.clone();
            *i += 1;
            Some(v)
        }
        IterState::Tuple(t, i) => {
            let v = t.get(*i)?.clone();
            *i += 1;
            Some(v)
        }
        IterState::Str(s, pos) => {
            let c = s.as_str().get(*pos..)?.chars().next()?;
            *pos += c.len_utf8();
            Some(super::str::char_value(c))
        }
        IterState::Range {
            next,
            step,
            remaining,
        } if *remaining > 0 => {
            let v = *next;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Some(Value::Int(v))
        }
        IterState::DictKeys {
            dict,
            pos,
            len,
            remaining,
        } => dict_next_fast(dict, pos, *len, remaining, |e| e.key.clone()),
        IterState::DictValues {
            dict,
            pos,
            len,
            remaining,
        } => dict_next_fast(dict, pos, *len, remaining, |e| e.value.clone()),
        IterState::DictItems {
            dict,
            pos,
            len,
            remaining,
        } => dict_next_fast(dict, pos, *len, remaining, |e| {
            Value::tuple(vec![e.key.clone(), e.value.clone()])
        }),
        _ => None,
    }
}

/// How many items `it` has left when it is a range iterator (CPython's `__length_hint__`).
pub fn range_remaining(it: &Value) -> Option<u64> {
    let Value::Iter(it) = it else {
        return None;
    };
    match &*it.state.try_borrow().ok()? {
        IterState::Range { remaining, .. } => Some((*remaining).max(0) as u64),
        _ => None,
    }
}

/// The number `enumerate` gives the item after the one numbered `n`.
fn count_after(n: &Value) -> Value {
    match n {
        Value::Int(i) => match i.checked_add(1) {
            Some(next) => Value::Int(next),
            None => Value::from_bigint(num_bigint::BigInt::from(*i) + 1),
        },
        Value::BigInt(b) => Value::from_bigint(&**b + 1),
        // (Only ints are stored.)
        other => other.clone(),
    }
}

/// `dict_step` when it finds an entry and raises nothing; `None`, having changed nothing,
/// otherwise (an error to raise, or the end).
#[inline(always)]
fn dict_next_fast(
    dict: &DictRef,
    pos: &mut usize,
    len: usize,
    remaining: &mut usize,
    take: impl Fn(&super::dict::DictEntry) -> Value,
) -> Option<Value> {
    let d = dict.try_borrow().ok()?;
    if d.len() != len || *remaining == 0 {
        return None;
    }
    let found = (*pos..d.slots()).find_map(|p| d.entry_at(p).map(|e| (p, e)));
    let (p, e) = found?;
    *pos = p + 1;
    *remaining -= 1;
    Some(take(e))
}

/// Advances a native iterator. Never holds the state borrow while running Python code.
pub fn next_native(vm: &mut Vm, it: &Rc<NativeIter>) -> PyResult<Option<Value>> {
    let Ok(mut state) = it.state.try_borrow_mut() else {
        return Err(vm.value_error("generator already executing"));
    };
    match &mut *state {
        IterState::List(l, i) => {
            let l = l.borrow();
            match l.get(*i) {
                Some(v) => {
                    *i += 1;
                    Ok(Some(v.clone()))
                }
                None => {
                    drop(l);
                    *state = IterState::Exhausted("list_iterator");
                    Ok(None)
                }
            }
        }
        IterState::ListReverse(l, i) => {
            let l2 = l.borrow();
            if *i == 0 || *i > l2.len() {
                drop(l2);
                *state = IterState::Exhausted("list_reverseiterator");
                return Ok(None);
            }
            *i -= 1;
            Ok(Some(l2[*i].clone()))
        }
        IterState::Tuple(t, i) => match t.get(*i) {
            Some(v) => {
                *i += 1;
                Ok(Some(v.clone()))
            }
            None => Ok(None),
        },
        IterState::Str(s, pos) => match s.as_str()[*pos..].chars().next() {
            Some(c) => {
                *pos += c.len_utf8();
                Ok(Some(super::str::char_value(c)))
            }
            None => Ok(None),
        },
        IterState::Bytes(b, i) => match b.get(*i) {
            Some(&x) => {
                *i += 1;
                Ok(Some(Value::Int(x as i64)))
            }
            None => Ok(None),
        },
        IterState::Range {
            next,
            step,
            remaining,
        } => {
            if *remaining <= 0 {
                return Ok(None);
            }
            let v = *next;
            *remaining -= 1;
            *next = next.wrapping_add(*step);
            Ok(Some(Value::Int(v)))
        }
        IterState::DictKeys {
            dict,
            pos,
            len,
            remaining,
        } => dict_step(vm, dict, pos, *len, remaining, |e| e.key.clone()),
        IterState::DictValues {
            dict,
            pos,
            len,
            remaining,
        } => dict_step(vm, dict, pos, *len, remaining, |e| e.value.clone()),
        IterState::DictItems {
            dict,
            pos,
            len,
            remaining,
        } => dict_step(vm, dict, pos, *len, remaining, |e| {
            Value::tuple(vec![e.key.clone(), e.value.clone()])
        }),
        IterState::Deque {
            deque,
            pos,
            state: started,
            remaining,
        } => {
            let data = super::deque::deque_data(deque).expect("deque iterator over a deque");
            // CPython checks for a change first, even after the last item.
            if data.state() != *started {
                *remaining = 0;
                return Err(vm.runtime_error("deque mutated during iteration"));
            }
            if *remaining == 0 {
                return Ok(None);
            }
            *remaining -= 1;
            *pos += 1;
            Ok(data.get(*pos - 1))
        }
        IterState::Set { set, pos, len } => {
            let s = set.borrow();
            if s.len() != *len {
                return Err(changed_size(vm, "Set"));
            }
            while *pos < s.table_len() {
                let p = *pos;
                *pos += 1;
                if let Some((_, k)) = s.slot_at(p) {
                    return Ok(Some(k.clone()));
                }
            }
            Ok(None)
        }
        IterState::Exhausted(_) => Ok(None),
        IterState::DictView(..) | IterState::AsyncGenStep(_) | IterState::AnextDefault(..) => {
            Err(vm.type_error(format!("'{}' object is not an iterator", state.type_name())))
        }
        // The rest run Python code: copy what they need and release the borrow first.
        IterState::SequenceProtocol(obj, i) => {
            let (obj, idx) = (obj.clone(), *i);
            *i += 1;
            drop(state);
            match vm.get_item(&obj, &Value::Int(idx)) {
                Ok(v) => Ok(Some(v)),
                Err(e)
                    if e.is_instance_of(&vm.types.index_error)
                        || e.is_instance_of(&vm.types.stop_iteration) =>
                {
                    *it.state.borrow_mut() = IterState::Exhausted("iterator");
                    Ok(None)
                }
                Err(e) => Err(e),
            }
        }
        IterState::Enumerate { inner, count } => {
            let inner = inner.clone();
            let n = count.clone();
            drop(state);
            // Counted once the item is there, as CPython counts: a source that stops and
            // then goes on does not skip a number.
            let Some(v) = vm.next(&inner)? else {
                return Ok(None);
            };
            if let Ok(mut state) = it.state.try_borrow_mut() {
                if let IterState::Enumerate { count, .. } = &mut *state {
                    *count = count_after(&n);
                }
            }
            Ok(Some(Value::tuple(vec![n, v])))
        }
        IterState::Zip { iters, strict } => {
            let iters = iters.clone();
            let strict = *strict;
            drop(state);
            let mut items = Vec::with_capacity(iters.len());
            for (i, sub) in iters.iter().enumerate() {
                match vm.next(sub)? {
                    Some(v) => items.push(v),
                    None => {
                        if strict && i > 0 {
                            return Err(vm.value_error(format!(
                                "zip() argument {} is shorter than argument{} 1{}",
                                i + 1,
                                if i > 1 { "s" } else { "" },
                                if i > 1 {
                                    format!("-{i}")
                                } else {
                                    String::new()
                                }
                            )));
                        }
                        if strict && i == 0 {
                            for (j, other) in iters.iter().enumerate().skip(1) {
                                if vm.next(other)?.is_some() {
                                    return Err(vm.value_error(format!(
                                        "zip() argument {} is longer than argument{} 1{}",
                                        j + 1,
                                        if j > 1 { "s" } else { "" },
                                        if j > 1 {
                                            format!("-{j}")
                                        } else {
                                            String::new()
                                        }
                                    )));
                                }
                            }
                        }
                        *it.state.borrow_mut() = IterState::Exhausted("zip");
                        return Ok(None);
                    }
                }
            }
            if items.is_empty() {
                return Ok(None);
            }
            Ok(Some(Value::tuple(items)))
        }
        IterState::Map { func, iters } => {
            let (func, iters) = (func.clone(), iters.clone());
            drop(state);
            let mut args = Vec::with_capacity(iters.len());
            for sub in &iters {
                match vm.next(sub)? {
                    Some(v) => args.push(v),
                    None => return Ok(None),
                }
            }
            vm.call(&func, &args).map(Some)
        }
        IterState::Filter { func, inner } => {
            let (func, inner) = (func.clone(), inner.clone());
            drop(state);
            while let Some(v) = vm.next(&inner)? {
                let keep = if func.is_none() {
                    vm.truthy(&v)?
                } else {
                    let r = vm.call(&func, std::slice::from_ref(&v))?;
                    vm.truthy(&r)?
                };
                if keep {
                    return Ok(Some(v));
                }
            }
            Ok(None)
        }
        IterState::Reversed { seq, index, .. } => {
            if *index < 0 {
                return Ok(None);
            }
            let (seq, idx) = (seq.clone(), *index);
            *index -= 1;
            drop(state);
            vm.get_item(&seq, &Value::Int(idx)).map(Some)
        }
        IterState::CoroutineWrapper(g) => {
            let g = g.clone();
            drop(state);
            match vm.resume_generator(&g, crate::vm::dispatch::Resume::Send(Value::None))? {
                crate::vm::dispatch::FrameResult::Returned(_) => Ok(None),
                crate::vm::dispatch::FrameResult::Yielded(v)
                | crate::vm::dispatch::FrameResult::AsyncGenYielded(v) => Ok(Some(v)),
            }
        }
        IterState::CallableSentinel { func, sentinel } => {
            let (func, sentinel) = (func.clone(), sentinel.clone());
            drop(state);
            let v = vm.call(&func, &[])?;
            if vm.eq(&v, &sentinel)? {
                *it.state.borrow_mut() = IterState::Exhausted("callable_iterator");
                return Ok(None);
            }
            Ok(Some(v))
        }
    }
}
