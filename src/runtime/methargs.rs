//! Argument checking for methods of builtin value types (`str`, `bytes`, `int`, `float`), with
//! the exact messages CPython 3.11 gives. CPython's methods are written in several calling
//! conventions and each words its errors differently, so the caller names the convention.

use crate::vm::object::Args;
use crate::vm::symbol::Symbol;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// How a CPython method parses its arguments (which decides the wording of its errors).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Conv {
    /// `METH_NOARGS`: "str.upper() takes no arguments (1 given)".
    NoArgs,
    /// `METH_O`: "str.join() takes exactly one argument (0 given)".
    One,
    /// `PyArg_ParseTuple`: "find() takes at least 1 argument (0 given)".
    Tuple,
    /// Argument Clinic, positional only: "center expected at least 1 argument, got 0".
    Clinic,
}

fn plural(n: usize) -> &'static str {
    if n == 1 {
        ""
    } else {
        "s"
    }
}

/// Checks the number of positional arguments after the receiver and that no keywords were
/// given; `owner.name` is the method (`str.find`).
#[inline]
pub fn check(
    vm: &Vm,
    args: &Args,
    owner: &str,
    name: &str,
    conv: Conv,
    min: usize,
    max: usize,
) -> PyResult<()> {
    let n = args.pos.len().saturating_sub(1);
    if args.kw.is_empty() && (min..=max).contains(&n) {
        return Ok(());
    }
    check_failed(vm, args, owner, name, conv, min, max)
}

/// `check`'s error (kept out of line: every builtin method call passes the check).
#[cold]
#[inline(never)]
fn check_failed(
    vm: &Vm,
    args: &Args,
    owner: &str,
    name: &str,
    conv: Conv,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!("{owner}.{name}() takes no keyword arguments")));
    }
    check_count(
        vm,
        args.pos.len().saturating_sub(1),
        owner,
        name,
        conv,
        min,
        max,
    )
}

/// Checks only the count of positional arguments (after the receiver).
pub fn check_count(
    vm: &Vm,
    n: usize,
    owner: &str,
    name: &str,
    conv: Conv,
    min: usize,
    max: usize,
) -> PyResult<()> {
    if (min..=max).contains(&n) {
        return Ok(());
    }
    let msg = match conv {
        Conv::NoArgs => format!("{owner}.{name}() takes no arguments ({n} given)"),
        Conv::One => format!("{owner}.{name}() takes exactly one argument ({n} given)"),
        Conv::Tuple if n < min => {
            format!(
                "{name}() takes at least {min} argument{} ({n} given)",
                plural(min)
            )
        }
        Conv::Tuple => format!(
            "{name}() takes at most {max} argument{} ({n} given)",
            plural(max)
        ),
        Conv::Clinic if n < min => {
            format!(
                "{name} expected at least {min} argument{}, got {n}",
                plural(min)
            )
        }
        Conv::Clinic => format!(
            "{name} expected at most {max} argument{}, got {n}",
            plural(max)
        ),
    };
    Err(vm.type_error(msg))
}

/// Argument Clinic parsing of positional-or-keyword parameters `names` (after the receiver):
/// returns one slot per name. Messages as CPython's `_PyArg_UnpackKeywords`.
pub fn parse_kw(
    vm: &Vm,
    pos: &[Value],
    kw: &[(Symbol, Value)],
    fname: &str,
    names: &[&str],
    min: usize,
) -> PyResult<Vec<Option<Value>>> {
    let total = pos.len() + kw.len();
    if total > names.len() {
        let max = names.len();
        return Err(vm.type_error(if kw.is_empty() {
            format!(
                "{fname}() takes at most {max} argument{} ({} given)",
                plural(max),
                pos.len()
            )
        } else if pos.is_empty() {
            format!(
                "{fname}() takes at most {max} keyword argument{} ({total} given)",
                plural(max)
            )
        } else {
            format!(
                "{fname}() takes at most {max} argument{} ({total} given)",
                plural(max)
            )
        }));
    }
    let mut out: Vec<Option<Value>> = vec![None; names.len()];
    for (i, v) in pos.iter().enumerate() {
        out[i] = Some(v.clone());
    }
    for (k, v) in kw {
        let Some(i) = names.iter().position(|n| *n == k.as_str()) else {
            return Err(vm.type_error(format!(
                "'{}' is an invalid keyword argument for {fname}()",
                k.as_str()
            )));
        };
        if out[i].is_some() {
            return Err(vm.type_error(format!(
                "argument for {fname}() given by name ('{}') and position ({})",
                names[i],
                i + 1
            )));
        }
        out[i] = Some(v.clone());
    }
    if let Some(i) = (0..min).find(|&i| out[i].is_none()) {
        return Err(vm.type_error(format!(
            "{fname}() missing required argument '{}' (pos {})",
            names[i],
            i + 1
        )));
    }
    Ok(out)
}

/// An integer argument where CPython wants a `Py_ssize_t` (`__index__`), with its messages.
pub fn ssize_arg(vm: &mut Vm, v: &Value) -> PyResult<i64> {
    if let Value::BigInt(_) = v {
        return Err(vm.overflow_error("Python int too large to convert to C ssize_t"));
    }
    match vm.index_of(v)? {
        Some(i) => Ok(i),
        None => Err(vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))),
    }
}

/// A slice bound of `find`/`count`/`startswith`...: an index or `None`.
pub fn slice_bound(vm: &mut Vm, v: Option<&Value>) -> PyResult<Option<i64>> {
    match v {
        None | Some(Value::None) => Ok(None),
        Some(Value::BigInt(b)) => {
            use num_traits::Signed;
            Ok(Some(if b.is_negative() {
                i64::MIN / 2
            } else {
                i64::MAX / 2
            }))
        }
        Some(v) => match vm.index_of(v)? {
            Some(i) => Ok(Some(i)),
            None => Err(
                vm.type_error("slice indices must be integers or None or have an __index__ method")
            ),
        },
    }
}

/// CPython's `ADJUST_INDICES`: clamps `start`/`end` (negative from the end) to `0..=len`
/// except that a `start` past the end stays there (callers compare `end - start`).
pub fn adjust_indices(start: Option<i64>, end: Option<i64>, len: usize) -> (i64, i64) {
    let len = len as i64;
    let mut end = end.unwrap_or(len);
    let mut start = start.unwrap_or(0);
    if end > len {
        end = len;
    } else if end < 0 {
        end = (end + len).max(0);
    }
    if start < 0 {
        start = (start + len).max(0);
    }
    (start, end)
}
