//! Methods of `list`, `tuple` and `range`, including a stable merge sort that only uses `<`
//! (as CPython's `list.sort` does), so user `__lt__` methods and errors behave the same.

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

fn this_list(vm: &Vm, args: &Args, name: &str) -> PyResult<ListRef> {
    match args.pos.first() {
        Some(Value::List(l)) => Ok(l.clone()),
        Some(Value::Instance(i)) => match &i.payload {
            crate::vm::object::Payload::Boxed(b) => match &*b.borrow() {
                Value::List(l) => Ok(l.clone()),
                _ => Err(not_a_list(vm, &args.pos[0], name)),
            },
            _ => Err(not_a_list(vm, &args.pos[0], name)),
        },
        Some(other) => Err(not_a_list(vm, other, name)),
        None => Err(vm.type_error(format!("unbound method list.{name}() needs an argument"))),
    }
}

/// The error of a `list` method called on something else: `list.append((), 1)`.
fn not_a_list(vm: &Vm, v: &Value, name: &str) -> crate::vm::PyErr {
    vm.type_error(format!(
        "descriptor '{name}' for 'list' objects doesn't apply to a '{}' object",
        vm.type_name(v)
    ))
}

/// Argument `i` of a method taking exactly `n` (after the receiver).
fn arg(vm: &Vm, args: &Args, i: usize, name: &str, n: usize) -> PyResult<Value> {
    let given = args.pos.len().saturating_sub(1);
    if given != n || !args.kw.is_empty() {
        if !args.kw.is_empty() {
            return Err(vm.type_error(format!("{name}() takes no keyword arguments")));
        }
        return Err(vm.type_error(if n == 1 {
            format!("{name}() takes exactly one argument ({given} given)")
        } else {
            format!("{name}() takes exactly {n} arguments ({given} given)")
        }));
    }
    Ok(args.pos[i].clone())
}

fn list_append(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "append")?;
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
    let l = this_list(vm, &args, "extend")?;
    let other = arg(vm, &args, 1, "list.extend", 1)?;
    let items = vm.collect(&other)?;
    l.borrow_mut().extend(items);
    Ok(Value::None)
}

fn list_insert(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "insert")?;
    if args.pos.len() != 3 {
        return Err(vm.type_error(format!(
            "insert expected 2 arguments, got {}",
            args.pos.len().saturating_sub(1)
        )));
    }
    let (i, v) = (args.pos[1].clone(), args.pos[2].clone());
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
    let l = this_list(vm, &args, "pop")?;
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "pop expected at most 1 argument, got {}",
            args.pos.len() - 1
        )));
    }
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
    let l = this_list(vm, &args, "remove")?;
    let x = arg(vm, &args, 1, "list.remove", 1)?;
    match vm.list_find(&l, &x, 0, usize::MAX)? {
        Some(i) => {
            // As CPython, whatever is at `i` once the comparison returns goes, if anything.
            let mut list = l.borrow_mut();
            if i < list.len() {
                list.remove(i);
            }
            Ok(Value::None)
        }
        None => Err(vm.value_error("list.remove(x): x not in list")),
    }
}

/// The list, tuple or range a method's receiver is (or, for a subclass instance, wraps).
fn unboxed(v: &Value) -> Value {
    if let Value::Instance(i) = v {
        if let crate::vm::object::Payload::Boxed(b) = &i.payload {
            return b.borrow().clone();
        }
    }
    v.clone()
}

/// A start/stop argument of `index` (CPython's `_PyEval_SliceIndexNotNone`).
fn slice_index_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    match v {
        Value::BigInt(b) => {
            use num_traits::Signed;
            Ok(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            })
        }
        other => match vm.index_of(other)? {
            Some(i) => Ok(i),
            None => {
                Err(vm.type_error("slice indices must be integers or have an __index__ method"))
            }
        },
    }
}

fn seq_index(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = unboxed(args.pos.first().unwrap_or(&Value::None));
    if let Value::Range(_) = this {
        if !args.kw.is_empty() {
            return Err(vm.type_error("range.index() takes no keyword arguments"));
        }
        if args.pos.len() != 2 {
            return Err(vm.type_error(format!(
                "range.index() takes exactly one argument ({} given)",
                args.pos.len().saturating_sub(1)
            )));
        }
    }
    if args.pos.len() < 2 || args.pos.len() > 4 {
        let given = args.pos.len().saturating_sub(1);
        return Err(vm.type_error(if given == 0 {
            "index expected at least 1 argument, got 0".to_string()
        } else {
            format!("index expected at most 3 arguments, got {given}")
        }));
    }
    let x = args.pos[1].clone();
    if let Value::Range(r) = &this {
        let r = r.clone();
        // Ints are found arithmetically; anything else by iterating.
        return match x {
            Value::Int(_) | Value::Bool(_) | Value::BigInt(_) => {
                // A range's bounds are machine ints, so a big int is never in one.
                let i = match x {
                    Value::Int(i) => Some(i),
                    Value::Bool(b) => Some(b.get() as i64),
                    _ => None,
                };
                match i {
                    Some(i) if vm.contains(&this, &Value::Int(i))? => {
                        Ok(Value::Int((i - r.start) / r.step))
                    }
                    _ => {
                        let msg = format!("{} is not in range", vm.repr(&x)?);
                        Err(vm.value_error(msg))
                    }
                }
            }
            _ => {
                let it = vm.get_iter(&this)?;
                let mut i = 0;
                while let Some(v) = vm.next(&it)? {
                    if vm.eq(&v, &x)? {
                        return Ok(Value::Int(i));
                    }
                    i += 1;
                }
                Err(vm.value_error("sequence.index(x): x not in sequence"))
            }
        };
    }
    // Start and stop are converted (maybe running `__index__`) before the length is read.
    let start = match args.pos.get(2) {
        Some(v) => Some(slice_index_arg(vm, v)?),
        None => None,
    };
    let stop = match args.pos.get(3) {
        Some(v) => Some(slice_index_arg(vm, v)?),
        None => None,
    };
    // CPython adds the length to a negative bound but never caps a positive stop: the scan
    // re-checks the current length, so elements an `__eq__` appends can be found.
    let bounds = |len: usize| {
        let len = len as i64;
        let fix = |v: i64| if v < 0 { (v + len).max(0) } else { v } as usize;
        (start.map_or(0, fix), stop.map_or(usize::MAX, fix))
    };
    let found = match &this {
        Value::List(l) => {
            let (start, stop) = bounds(l.borrow().len());
            vm.list_find(l, &x, start, stop)?
        }
        Value::Tuple(t) => {
            let (start, stop) = bounds(t.len());
            vm.slice_find(&t[..stop.min(t.len())], &x, start)?
        }
        _ => return Err(vm.type_error("descriptor 'index' requires a 'list' object")),
    };
    if let Some(i) = found {
        return Ok(Value::Int(i as i64));
    }
    let what = match this {
        Value::List(_) => format!("{} is not in list", vm.repr(&x)?),
        _ => "tuple.index(x): x not in tuple".to_string(),
    };
    Err(vm.value_error(what))
}

fn seq_count(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = unboxed(args.pos.first().unwrap_or(&Value::None));
    let owner = match this {
        Value::Tuple(_) => "tuple.count",
        Value::Range(_) => "range.count",
        _ => "list.count",
    };
    let x = arg(vm, &args, 1, owner, 1)?;
    let mut n = 0;
    match &this {
        Value::List(l) => {
            let mut i = 0;
            while let Some(j) = vm.list_find(l, &x, i, usize::MAX)? {
                n += 1;
                i = j + 1;
            }
        }
        Value::Tuple(t) => {
            let mut i = 0;
            while let Some(j) = vm.slice_find(t, &x, i)? {
                n += 1;
                i = j + 1;
            }
        }
        Value::Range(_) if matches!(x, Value::Int(_) | Value::Bool(_)) => {
            n = vm.contains(&this, &x)? as i64;
        }
        other => {
            let it = vm.get_iter(other)?;
            while let Some(v) = vm.next(&it)? {
                if vm.eq(&v, &x)? {
                    n += 1;
                }
            }
        }
    }
    Ok(Value::Int(n))
}

/// Sorts values by `key` (or themselves) as CPython's `list.sort` does: keys are computed
/// first (a failing key function leaves the values untouched), `reverse` reverses before and
/// after a stable sort, and a failing comparison leaves the values partially sorted.
pub fn sort_in_place(
    vm: &mut Vm,
    values: &mut Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<()> {
    let mut pairs = Vec::with_capacity(values.len());
    for v in values.iter() {
        let k = if key.is_none() {
            v.clone()
        } else {
            vm.call(key, std::slice::from_ref(v))?
        };
        pairs.push((k, v.clone()));
    }
    if reverse {
        pairs.reverse();
    }
    let r = super::timsort::sort(vm, &mut pairs);
    if reverse {
        pairs.reverse();
    }
    *values = pairs.into_iter().map(|(_, v)| v).collect();
    r
}

/// Sorts values by `key` (or themselves); shared by `sorted` and `dir`.
pub fn sort_values(
    vm: &mut Vm,
    mut values: Vec<Value>,
    key: &Value,
    reverse: bool,
) -> PyResult<Vec<Value>> {
    sort_in_place(vm, &mut values, key, reverse)?;
    Ok(values)
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
    let l = this_list(vm, &args, "sort")?;
    if args.pos.len() > 1 {
        return Err(vm.type_error("sort() takes no positional arguments"));
    }
    let (key, reverse) = key_and_reverse(vm, &args, "sort")?;
    // CPython empties the list while sorting, so mutation during the sort is detected.
    let mut items = std::mem::take(&mut *l.borrow_mut());
    let r = sort_in_place(vm, &mut items, &key, reverse);
    let modified = !l.borrow().is_empty();
    *l.borrow_mut() = items;
    r?;
    if modified {
        return Err(vm.value_error("list modified during sort"));
    }
    Ok(Value::None)
}

fn list_reverse(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(vm, &args, "reverse")?.borrow_mut().reverse();
    Ok(Value::None)
}

fn list_copy(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let l = this_list(vm, &args, "copy")?;
    let items = l.borrow().clone();
    Ok(Value::list(items))
}

fn list_clear(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this_list(vm, &args, "clear")?.borrow_mut().clear();
    Ok(Value::None)
}
