//! The body of `asyncio.gather` (CPython's `tasks.gather`), native because every gathered
//! awaitable costs a pass through it and a run of its done-callback. The Python half keeps the
//! empty-call case and `_GatheringFuture`; this file does what CPython's Python code does for
//! each argument (dedupe, `_ensure_future(arg, loop=loop)`, `add_done_callback`) and the
//! `_done_callback` closure, whose variables (`nfinished`, `outer`, ...) live in a shared
//! `GatherState`. The callback is named `gather.<locals>._done_callback`, so callback reprs and
//! "Exception in callback" messages read as in CPython.
//!
//! Exact native futures and tasks are read directly; any other future-like child goes through
//! its Python methods, as CPython's code would.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::futures::{self, future_data, State};
use super::AsyncioObject;
use crate::runtime::dict::Dict;
use crate::vm::object::{Args, Builtin, Instance, Payload};
use crate::vm::symbol::{intern, sym};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};
use rustc_hash::FxHashMap;

/// The variables CPython's `_done_callback` closure shares with `gather`.
pub struct GatherState {
    /// The children in argument order (repeats included): also `outer._children`.
    children: Value,
    /// `None` until the `_GatheringFuture` exists.
    outer: RefCell<Value>,
    nfuts: Cell<usize>,
    nfinished: Cell<usize>,
    return_exceptions: bool,
}

/// `_tulip._gather(coros_or_futures, return_exceptions)` for a non-empty tuple.
pub fn gather(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [aws, return_exceptions] = args.pos else {
        return Err(vm.type_error("_gather() takes exactly 2 arguments"));
    };
    // (The Python half passes its `*coros_or_futures` tuple: read in place, not copied.)
    let aws = match aws {
        Value::Tuple(t) => t.clone(),
        other => Rc::new(vm.collect(other)?),
    };
    let state = GatherState {
        children: Value::list(Vec::with_capacity(aws.len())),
        outer: RefCell::new(Value::None),
        nfuts: Cell::new(0),
        nfinished: Cell::new(0),
        return_exceptions: vm.truthy(return_exceptions)?,
    };
    let children = state.children.clone();
    let state = Value::Instance(Rc::new(Instance::new(
        vm.types.object.clone(),
        Payload::Asyncio(AsyncioObject::Gather(Box::new(state))),
    )));
    let callback = Value::Builtin(Rc::new(Builtin {
        name: "_done_callback",
        owner: Some("gather.<locals>"),
        func: done_callback,
        data: state.clone(),
        fast: None,
    }));
    let arg_to_fut = Rc::new(RefCell::new(Dict::new()));
    let repeats = identity_repeats(vm, &aws);
    let mut event_loop = Value::None;
    for (i, arg) in aws.iter().enumerate() {
        let arg = arg.clone();
        let by_identity = identity(vm, &arg).is_some();
        let known = match repeats.get(&(i as u32)) {
            Some(&first) => match &children {
                Value::List(l) => l.borrow().get(first as usize).cloned(),
                _ => None,
            },
            None if by_identity => None,
            None => vm.dict_get(&arg_to_fut, &arg)?,
        };
        let fut = match known {
            Some(fut) => fut,
            None => {
                let fut = ensure_future(vm, &arg, &event_loop)?;
                if event_loop.is_none() {
                    event_loop = futures::future_loop(vm, &fut)?;
                }
                if !fut.is(&arg) {
                    vm.set_attr(&fut, intern("_log_destroy_pending"), Value::FALSE)?;
                }
                let nfuts = &gather_state(&state).nfuts;
                nfuts.set(nfuts.get() + 1);
                if !by_identity {
                    vm.dict_set(&arg_to_fut, arg, fut.clone())?;
                }
                match native_data(vm, &fut) {
                    Some(data) => futures::add_done_callback(vm, &fut, data, callback.clone())?,
                    None => {
                        vm.call_method(
                            &fut,
                            sym::ADD_DONE_CALLBACK,
                            std::slice::from_ref(&callback),
                        )?;
                    }
                }
                fut
            }
        };
        if let Value::List(l) = &children {
            l.borrow_mut().push(fut);
        }
    }
    let class = futures::asyncio_global(vm, "_GatheringFuture")?;
    let outer = vm.call_kw(&class, &[children], &[(sym::LOOP, event_loop)])?;
    *gather_state(&state).outer.borrow_mut() = outer.clone();
    Ok(outer)
}

/// The address of a coroutine or an exact native future: they hash and compare by identity,
/// so their entries of CPython's `arg_to_fut` are found by address, without the dict.
fn identity(vm: &Vm, arg: &Value) -> Option<usize> {
    match arg {
        Value::Generator(g) => Some(Rc::as_ptr(g) as usize),
        Value::Instance(i) if futures::is_exact_native(vm, arg) => Some(Rc::as_ptr(i) as usize),
        _ => None,
    }
}

/// For each later occurrence of an awaitable compared by identity, the position of its first
/// one. Found by sorting addresses rather than hashing them: with a million tasks gathered a
/// hash map of every address was 50 MB at the moment the tasks peak, the sort's buffer 16 MB.
fn identity_repeats(vm: &Vm, aws: &[Value]) -> FxHashMap<u32, u32> {
    let mut seen: Vec<(usize, u32)> = aws
        .iter()
        .enumerate()
        .filter_map(|(i, arg)| Some((identity(vm, arg)?, i as u32)))
        .collect();
    seen.sort_unstable();
    let mut repeats = FxHashMap::default();
    for pair in seen.windows(2) {
        if let [(first_address, first), (address, later)] = pair {
            if first_address == address {
                let first = repeats.get(first).copied().unwrap_or(*first);
                repeats.insert(*later, first);
            }
        }
    }
    repeats
}

/// `_ensure_future(arg, loop=loop)`: an exact native future of the right loop is itself.
fn ensure_future(vm: &mut Vm, arg: &Value, event_loop: &Value) -> PyResult<Value> {
    if native_data(vm, arg).is_some()
        && (event_loop.is_none() || futures::future_loop(vm, arg)?.is(event_loop))
    {
        return Ok(arg.clone());
    }
    let ensure = futures::asyncio_global(vm, "_ensure_future")?;
    vm.call_kw(
        &ensure,
        std::slice::from_ref(arg),
        &[(sym::LOOP, event_loop.clone())],
    )
}

fn gather_state(v: &Value) -> &GatherState {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Asyncio(AsyncioObject::Gather(s)) => s,
            _ => unreachable!("gather callback without its state"),
        },
        _ => unreachable!("gather callback without its state"),
    }
}

/// The state of an exact native Future or Task, whose methods are known.
fn native_data<'a>(vm: &Vm, fut: &'a Value) -> Option<&'a RefCell<futures::FutureData>> {
    futures::is_exact_native(vm, fut)
        .then(|| future_data(fut))
        .flatten()
}

fn cancelled(vm: &mut Vm, fut: &Value) -> PyResult<bool> {
    match native_data(vm, fut) {
        Some(d) => Ok(d.borrow().state == State::Cancelled),
        None => {
            let r = vm.call_method(fut, intern("cancelled"), &[])?;
            vm.truthy(&r)
        }
    }
}

fn exception(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    match native_data(vm, fut) {
        Some(d) => futures::exception(vm, fut, d),
        None => vm.call_method(fut, sym::EXCEPTION, &[]),
    }
}

fn result(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    match native_data(vm, fut) {
        Some(d) => futures::result(vm, fut, d),
        None => vm.call_method(fut, sym::RESULT, &[]),
    }
}

fn outer_data<'a>(vm: &Vm, outer: &'a Value) -> PyResult<&'a RefCell<futures::FutureData>> {
    future_data(outer).ok_or_else(|| vm.runtime_error("gather: the outer future is not a Future"))
}

/// CPython's `gather.<locals>._done_callback(fut)`.
fn done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let state = gather_state(args.data);
    let [fut] = args.pos else {
        return Err(vm.type_error(format!(
            "_done_callback() takes 1 positional argument but {} were given",
            args.pos.len()
        )));
    };
    state.nfinished.set(state.nfinished.get() + 1);
    let outer = state.outer.borrow().clone();
    let outer_done = match outer {
        Value::None => true,
        ref o => outer_data(vm, o)?.borrow().state != State::Pending,
    };
    if outer_done {
        if !cancelled(vm, fut)? {
            // Retrieved, so it is never reported as unretrieved.
            exception(vm, fut)?;
        }
        return Ok(Value::None);
    }
    let outer_state = outer_data(vm, &outer)?;
    if !state.return_exceptions {
        if cancelled(vm, fut)? {
            let exc = vm.call_method(fut, intern("_make_cancelled_error"), &[])?;
            futures::set_exception(vm, &outer, outer_state, exc)?;
            return Ok(Value::None);
        }
        let exc = exception(vm, fut)?;
        if !exc.is_none() {
            futures::set_exception(vm, &outer, outer_state, exc)?;
            return Ok(Value::None);
        }
    }
    if state.nfinished.get() == state.nfuts.get() {
        let children = match &state.children {
            Value::List(l) => l.borrow().clone(),
            _ => Vec::new(),
        };
        let mut results = Vec::with_capacity(children.len());
        for child in &children {
            let res = if cancelled(vm, child)? {
                let msg = match native_data(vm, child) {
                    Some(d) => d.borrow().cancel_message(),
                    None => vm.get_attr(child, intern("_cancel_message"))?,
                };
                let msg = if msg.is_none() { Value::str("") } else { msg };
                let cancelled_error = futures::asyncio_global(vm, "CancelledError")?;
                vm.call(&cancelled_error, &[msg])?
            } else {
                match exception(vm, child)? {
                    Value::None => result(vm, child)?,
                    exc => exc,
                }
            };
            results.push(res);
        }
        let cancel_requested = vm.get_attr(&outer, intern("_cancel_requested"))?;
        if vm.truthy(&cancel_requested)? {
            // As in CPython, the loop variable: the last child, not `fut`.
            let last = children.last().cloned().unwrap_or(Value::None);
            let exc = vm.call_method(&last, intern("_make_cancelled_error"), &[])?;
            futures::set_exception(vm, &outer, outer_state, exc)?;
        } else {
            futures::set_result(vm, &outer, outer_state, Value::list(results))?;
        }
    }
    Ok(Value::None)
}
