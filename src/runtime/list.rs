//! Methods of `list`, `tuple` and `range`, including a stable merge sort that only uses `<`
//! (as CPython's `list.sort` does), so user `__lt__` methods and errors behave the same.

use std::cmp::Ordering;

use crate::compile::code::CompareKind;
use crate::vm::object::{Args, BuiltinFn};
use crate::vm::symbol::sym;
use crate::vm::value::{ListRef, Value};
use crate::vm::{PyResult, Vm};

pub const METHODS: &[(&str, BuiltinFn)] = &[
    ("append", list_append),
    ("extend", list_extend),
    ("insert", list_insert),
    ("pop", list_pop),
    ("remove", list_remove),
    ("index", seq_index),
    ("count", seq_count),
    ("sort", list_sort),
    ("reverse", list_reverse),
    ("copy", list_copy),
    ("clear", list_clear),
];

pub const TUPLE_METHODS: &[(&str, BuiltinFn)] = &[("index", seq_index), ("count", seq_count)];

pub const RANGE_METHODS: &[(&str, BuiltinFn)] = &[("index", seq_index), ("count", seq_count)];

fn this_list(vm: &Vm, args: &Args) -> PyResult<ListRef> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(Value::Instance(i)) => match &i.payload {
            crate::vm::object::Payload::Boxed(b) => match &*b.borrow() {
                Value::List(l) => Ok(l.clone()),
                _ => Err(vm.type_error("descriptor requires a 'list' object")),
            },
            _ => Err(vm.type_error("descriptor requires a 'list' object")),
        },
        _ => Err(vm.type_error("descriptor requires a 'list' object")),
    }
}

fn arg(vm: &Vm, args: &Args, i: usize, name: &str, n: usize) -> PyResult<Value> {
    args.pos.get(i).cloned().ok_or_else(|| {
        vm.type_error(format!(
            "{name}() takes exactly {n} argument{} ({} given)",
            if n == 1 { "" } else { "s" },
            args.pos.len().saturating_sub(1)
        ))
    })
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    if args.pos.len() != 2 {
        return Err(vm.type_error(format!(
            "list.append() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    }
    l.borrow_mut().push(args.pos[1].clone());
    Ok(Value::None)
}

fn list_extend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let other = arg(vm, &args, 1, "list.extend", 1)?;
    let items = vm.collect(&other)?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let i = arg(vm, &args, 1, "insert", 2)?;
    let v = arg(vm, &args, 2, "insert", 2)?;
    let Some(i) = vm.index_of(&i)? else {
        return Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(&i)
        )));
    };
    let mut list = l.borrow_mut();
    let len = list.len() as i64;
    let pos = if i < 0 { (i + len).max(0) } else { i.min(len) };
    list.insert(pos as usize, v);
    Ok(Value::None)
}

fn list_pop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let i = match args.pos.get(1) {
        Some(v) => match vm.index_of(v)? {
            Some(i) => i,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(v)
                )))
            }
        },
        None => -1,
    };
    let mut list = l.borrow_mut();
    if list.is_empty() {
        return Err(vm.index_error("pop from empty list"));
    }
    match super::seq::normalize_index(i, list.len()) {
        Some(i) => Ok(list.remove(i)),
        None => Err(vm.index_error("pop index out of range")),
    }
}

fn list_remove(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let x = arg(vm, &args, 1, "list.remove", 1)?;
    let items = l.borrow().clone();
    for (i, item) in items.iter().enumerate() {
        if vm.eq(item, &x)? {
            let mut list = l.borrow_mut();
            if i < list.len() {
                list.remove(i);
            }
            return Ok(Value::None);
        }
    }
    Err(vm.value_error("list.remove(x): x not in list"))
}

fn seq_items(vm: &mut Vm, v: &Value) -> PyResult<Vec<Value>> {
    match v {
        Value::List(l) => Ok(l.borrow().clone()),
        Value::Tuple(t) => Ok(t.to_vec()),
        other => vm.collect(other),
    }
}

fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let x = arg(vm, &args, 1, "index", 1)?;
    let items = seq_items(vm, &this)?;
    let len = items.len() as i64;
    let clamp = |v: i64| if v < 0 { (v + len).max(0) } else { v.min(len) };
    let start = match args.pos.get(2) {
        Some(v) => clamp(vm.index_of(v)?.unwrap_or(0)),
        None => 0,
    };
    let stop = match args.pos.get(3) {
        Some(v) => clamp(vm.index_of(v)?.unwrap_or(len)),
        None => len,
    };
    for i in start..stop {
        if vm.eq(&items[i as usize], &x)? {
            return Ok(Value::Int(i));
        }
    }
    let what = match this {
        Value::List(_) => format!("{} is not in list", vm.repr(&x)?),
        Value::Tuple(_) => "tuple.index(x): x not in tuple".to_string(),
        Value::Range(_) => format!("{} is not in range", vm.repr(&x)?),
        _ => "x not in sequence".to_string(),
    };
    Err(vm.value_error(what))
}

fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let x = arg(vm, &args, 1, "count", 1)?;
    let items = seq_items(vm, &this)?;
    let mut n = 0;
    for item in &items {
        if vm.eq(item, &x)? {
            n += 1;
        }
    }
    Ok(Value::Int(n))
}

/// `a < b` for sorting.
fn less(vm: &mut Vm, a: &Value, b: &Value) -> PyResult<bool> {
    if let Some(r) = crate::vm::ops::fast_compare(CompareKind::Lt, a, b) {
        return Ok(r);
    }
    let r = vm.compare(CompareKind::Lt, a, b)?;
    vm.truthy(&r)
}

/// Stable merge sort of `(key, value)` pairs using only `<` on keys.
pub fn sort_pairs(vm: &mut Vm, items: &mut Vec<(Value, Value)>, reverse: bool) -> PyResult<()> {
    // Reverse sorting keeps stability: CPython reverses, sorts, reverses back.
    if reverse {
        items.reverse();
    }
    let n = items.len();
    let mut buf: Vec<(Value, Value)> = Vec::with_capacity(n);
    let mut width = 1;
    // Insertion sort on small runs first.
    const RUN: usize = 16;
    let mut start = 0;
    while start < n {
        let end = (start + RUN).min(n);
        for i in start + 1..end {
            let mut j = i;
            while j > start {
                if !less(vm, &items[j].0, &items[j - 1].0)? {
                    break;
                }
                items.swap(j, j - 1);
                j -= 1;
            }
        }
        start = end;
    }
    width = width.max(RUN);
    while width < n {
        let mut lo = 0;
        while lo < n {
            let mid = (lo + width).min(n);
            let hi = (lo + 2 * width).min(n);
            if mid < hi {
                buf.clear();
                let (mut i, mut j) = (lo, mid);
                while i < mid && j < hi {
                    if less(vm, &items[j].0, &items[i].0)? {
                        buf.push(items[j].clone());
                        j += 1;
                    } else {
                        buf.push(items[i].clone());
                        i += 1;
                    }
                }
                buf.extend(items[i..mid].iter().cloned());
                buf.extend(items[j..hi].iter().cloned());
                for (k, v) in buf.drain(..).enumerate() {
                    items[lo + k] = v;
                }
            }
            lo += 2 * width;
        }
        width *= 2;
    }
    if reverse {
        items.reverse();
    }
    let _ = Ordering::Equal;
    Ok(())
}

/// Sorts values by `key` (or themselves); shared by `list.sort` and `sorted`.
pub fn sort_values(
    vm: &mut Vm,
    values: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    let mut pairs = Vec::with_capacity(values.len());
    for v in values {
        let k = if key.is_none() {
            v.clone()
        } else {
            vm.call(key, std::slice::from_ref(&v))?
        };
        pairs.push((k, v));
    }
    sort_pairs(vm, &mut pairs, reverse)?;
    Ok(pairs.into_iter().map(|(_, v)| v).collect())
}

pub fn key_and_reverse(vm: &mut Vm, args: &Args, fname: &str) -> PyResult<(Value, bool)> {
    let mut key = Value::None;
    let mut reverse = false;
    for (k, v) in args.kw {
        if *k == sym::KEY {
            key = v.clone();
        } else if *k == sym::REVERSE {
            reverse = vm.truthy(v)?;
        } else {
            return Err(vm.type_error(format!(
                "'{k}' is an invalid keyword argument for {fname}()"
            )));
        }
    }
    Ok((key, reverse))
}

fn list_sort(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = key_and_reverse(vm, &args, "sort")?;
    // CPython empties the list while sorting so mutation during the sort is detected.
    let items = std::mem::take(&mut *l.borrow_mut());
    let sorted = sort_values(vm, items.clone(), &key, reverse);
    match sorted {
        Ok(v) => {
            *l.borrow_mut() = v;
            Ok(Value::None)
        }
        Err(e) => {
            *l.borrow_mut() = items;
            Err(e)
        }
    }
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(vm, &args)?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args)?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(vm, &args)?.borrow_mut().clear();
    Ok(Value::None)
}
