//! `_tulip`: the native half of the asyncio package. The event loop written in Python
//! (`asyncio.py`) asks it for the clock (real or virtual), to wait for the next timer, to write
//! diagnostics to stderr, and to remember futures whose exception nobody retrieved (CPython
//! reports those when the future is garbage-collected; we report them when it is dropped or at
//! exit).

use std::rc::{Rc, Weak};

use crate::runtime::modules::{add_functions, new_module};
use crate::vm::object::{
    Args, GenBody, Generator, GeneratorKind, GeneratorState, Instance, Module,
};
use crate::vm::symbol::{intern, sym};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A future holding an exception nobody has looked at yet.
pub struct Unretrieved {
    future: Weak<Instance>,
    ptr: usize,
    report: String,
}

/// Virtual time that passes per loop iteration: CPython's timers drift by the time callbacks
/// take, which decides ties such as eight `sleep(0.25)` against one `sleep(2)`.
const VIRTUAL_TICK: f64 = 1e-6;

pub fn make_module(vm: &mut Vm) -> Rc<Module> {
    let m = new_module("_tulip");
    let classes = super::events::make_classes(&vm.types.object);
    {
        let mut g = m.globals.borrow_mut();
        g.set(intern("Handle"), Value::Class(classes.handle.clone()));
        g.set(
            intern("TimerHandle"),
            Value::Class(classes.timer_handle.clone()),
        );
        g.set(intern("LoopCore"), Value::Class(classes.loop_core.clone()));
        g.set(intern("Future"), Value::Class(classes.future.clone()));
        g.set(intern("Task"), Value::Class(classes.task.clone()));
        g.set(
            intern("Deque"),
            Value::Class(crate::runtime::deque::make_class(&vm.types.object)),
        );
    }
    vm.asyncio.classes = Some(classes);
    add_functions(
        &m,
        "_tulip",
        &[
            ("monotonic", monotonic),
            ("wait_until", wait_until),
            ("tick", tick),
            ("deadlock", deadlock),
            ("stderr", stderr),
            ("format_exception", format_exception),
            ("iscoroutine", iscoroutine),
            ("iscoroutinefunction", iscoroutinefunction),
            ("isgenerator", isgenerator),
            ("isawaitable", isawaitable),
            ("coro_repr", coro_repr),
            ("format_callback", super::events::format_callback_builtin),
            ("current_task", super::tasks::current_task),
            (
                "_set_result_unless_cancelled",
                super::futures::set_result_unless_cancelled,
            ),
            ("all_tasks", super::tasks::all_tasks),
            ("track", track),
            ("untrack", untrack),
            ("report_unretrieved", report_unretrieved),
            ("asyncgens", asyncgens),
            ("set_repl_idle", set_repl_idle),
            ("_get_running_loop", get_running_loop_or_none),
            ("isfuture", super::futures::isfuture),
            ("_gather", super::gather::gather),
            ("_get_loop", super::futures::get_loop_builtin),
            ("_set_running_loop", set_running_loop),
            ("get_running_loop", get_running_loop),
            ("_create_task", super::tasks::create_task),
            ("_sleep_future", super::events::sleep_future),
            ("_set_repl_loop", set_repl_loop),
            // Teaching notes for `tulip doc` (no effect otherwise).
            ("lost_task", super::teach::lost_task),
        ],
    );
    m
}

fn arg(args: &Args, i: usize) -> Value {
    args.pos.get(i).cloned().unwrap_or(Value::None)
}

fn monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::float(vm.clock.now()))
}

fn wait_until(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = crate::runtime::builtins::to_float(vm, &arg(&args, 0))?;
    wait_until_time(vm, t)?;
    Ok(Value::None)
}

/// Waits (really, or by moving the virtual clock) until the loop's first deadline `t`.
pub fn wait_until_time(vm: &mut Vm, t: f64) -> PyResult<()> {
    vm.out.flush();
    if vm.repl.is_some() && !vm.clock.is_virtual() {
        // At the prompt: wake early for input (when idle) and for Ctrl-C.
        let wait = crate::runtime::time::wait_until(t, vm.clock.now()).unwrap_or_default();
        let idle = vm.repl_idle;
        let interrupted = vm
            .repl
            .as_mut()
            .map(|io| io.wait_for(wait, idle))
            .unwrap_or(false);
        if interrupted {
            return Err(vm.err(&vm.types.keyboard_interrupt.clone(), ""));
        }
        return Ok(());
    }
    let wait = t - vm.clock.now();
    vm.wait_within_budget(wait)?;
    vm.clock.advance_to(t);
    Ok(())
}

fn tick(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    tick_clock(vm);
    Ok(Value::None)
}

/// The virtual time one loop iteration takes.
pub fn tick_clock(vm: &mut Vm) {
    if vm.clock.is_virtual() {
        vm.clock.sleep(VIRTUAL_TICK);
    }
}

fn deadlock(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    stalled(vm)?;
    Ok(Value::None)
}

/// Nothing is ready and no timer is pending: at the prompt, idle; in a program, an error.
pub fn stalled(vm: &mut Vm) -> PyResult<()> {
    if vm.repl.is_some() {
        // At the prompt nothing is stuck: idle until input, or until Ctrl-C interrupts an
        // entry that awaits something that will never happen (CPython would wait forever).
        let idle = vm.repl_idle;
        let interrupted = vm
            .repl
            .as_mut()
            .map(|io| io.wait_for(std::time::Duration::from_secs(3600), idle))
            .unwrap_or(false);
        if interrupted {
            return Err(vm.err(&vm.types.keyboard_interrupt.clone(), ""));
        }
        return Ok(());
    }
    Err(vm.runtime_error(
        "event loop stalled: every task is waiting and no timer is pending, so nothing can \
         ever wake them (CPython would wait forever here)",
    ))
}

/// Nothing is ready and the first timer is at infinity, on the virtual clock: as `stalled`.
pub fn stalled_until_infinity(vm: &mut Vm) -> PyResult<()> {
    if vm.repl.is_some() {
        return stalled(vm);
    }
    Err(vm.runtime_error(
        "event loop stalled: every task is waiting and the next timer is at infinity, so \
         nothing can ever wake them (CPython would wait forever here)",
    ))
}

fn stderr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let text = vm.to_str(&arg(&args, 0))?;
    vm.write_stderr(&text);
    Ok(Value::None)
}

/// The exception inside a value, if it is one.
pub fn as_err(v: &Value) -> Option<PyErr> {
    match v {
        Value::Instance(i) if i.exception_data().is_some() => Some(PyErr { exc: i.clone() }),
        _ => None,
    }
}

fn format_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match as_err(&arg(&args, 0)) {
        Some(e) => Ok(Value::string(vm.format_traceback(&e))),
        None => Ok(Value::str("")),
    }
}

fn iscoroutine(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(matches!(
        arg(&args, 0),
        Value::Generator(g) if g.kind == GeneratorKind::Coroutine
    )))
}

fn iscoroutinefunction(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = match arg(&args, 0) {
        Value::BoundMethod(m) => m.func.clone(),
        other => other,
    };
    Ok(Value::bool(
        matches!(f, Value::Function(f) if f.code.flags.coroutine),
    ))
}

fn isgenerator(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(matches!(
        arg(&args, 0),
        Value::Generator(g) if g.kind == GeneratorKind::Generator
    )))
}

fn set_repl_idle(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.repl_idle = vm.truthy(&arg(&args, 0))?;
    Ok(Value::None)
}

/// `asyncio._get_running_loop()`.
fn get_running_loop_or_none(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "_get_running_loop")?;
    Ok(vm.asyncio.running_loop.clone())
}

/// `asyncio._set_running_loop(loop)`.
fn set_running_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [event_loop] = args.pos else {
        return Err(vm.type_error(format!(
            "_set_running_loop() takes exactly one argument ({} given)",
            args.pos.len()
        )));
    };
    vm.asyncio.running_loop = event_loop.clone();
    Ok(Value::None)
}

/// `asyncio.get_running_loop()`; at tulip's prompt the session loop counts as running.
fn get_running_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    no_args(vm, &args, "get_running_loop")?;
    running_loop(vm)
}

/// The loop `get_running_loop()` returns, or its RuntimeError.
pub fn running_loop(vm: &Vm) -> PyResult<Value> {
    match (&vm.asyncio.running_loop, &vm.asyncio.repl_loop) {
        (Value::None, Value::None) => Err(vm.runtime_error("no running event loop")),
        (Value::None, repl) => Ok(repl.clone()),
        (running, _) => Ok(running.clone()),
    }
}

/// Remembers the REPL session's loop (see `asyncio._repl_session_loop`).
fn set_repl_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    vm.asyncio.repl_loop = arg(&args, 0);
    Ok(Value::None)
}

fn no_args(vm: &Vm, args: &Args, name: &str) -> PyResult<()> {
    if args.pos.is_empty() && args.kw.is_empty() {
        return Ok(());
    }
    Err(vm.type_error(format!(
        "{name}() takes no arguments ({} given)",
        args.pos.len() + args.kw.len()
    )))
}

fn asyncgens(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let all = vm.truthy(&arg(&args, 0))?;
    Ok(Value::list(super::asyncgen::take_asyncgens(vm, all)))
}

fn isawaitable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0);
    Ok(Value::bool(match &v {
        Value::Generator(g) => g.kind == GeneratorKind::Coroutine,
        Value::Iter(_) => vm.get_awaitable(v.clone()).is_ok(),
        other => vm.lookup_special(other, sym::AWAIT).is_some(),
    }))
}

/// The instruction a suspended coroutine is at: its frame's, or where the Python body of a
/// natively stepped one (asyncio::stepped) would be.
pub(crate) fn suspended_pc(vm: &Vm, g: &Generator) -> Option<u32> {
    let pc = g.with_body(|body| match body {
        GenBody::Frame(f) => Some(f.current_pc()),
        _ => None,
    });
    pc.or_else(|| super::stepped::suspended_pc(vm, g))
}

/// CPython's `_format_coroutine`: `main() running at x.py:5` / `main() done, defined at ...`.
fn coro_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = arg(&args, 0);
    let Value::Generator(g) = &v else {
        return Ok(Value::string(vm.repr(&v)?));
    };
    let file = &g.code.file.name;
    let text = match g.state.get() {
        GeneratorState::Finished => format!(
            "{}() done, defined at {}:{}",
            g.qualname(),
            file,
            g.code.first_line
        ),
        GeneratorState::Suspended => {
            let line = suspended_pc(vm, g)
                .map(|pc| g.code.line_of(pc))
                .unwrap_or(g.code.first_line as usize);
            format!("{}() running at {}:{}", g.qualname(), file, line)
        }
        _ => format!(
            "{}() running at {}:{}",
            g.qualname(),
            file,
            g.code.first_line
        ),
    };
    Ok(Value::string(text))
}

fn track(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Value::Instance(fut), Some(err)) = (arg(&args, 0), as_err(&arg(&args, 1))) else {
        return Ok(Value::None);
    };
    track_future(vm, &fut, &err)?;
    Ok(Value::None)
}

/// Remembers a future whose exception nobody retrieved yet (reported if it is dropped so).
pub fn track_future(vm: &mut Vm, fut: &Rc<Instance>, err: &PyErr) -> PyResult<()> {
    let fut = fut.clone();
    let kind = fut.class.name.clone();
    let fut_repr = vm.repr(&Value::Instance(fut.clone()))?;
    let report = format!(
        "{kind} exception was never retrieved\nfuture: {fut_repr}\n{}",
        vm.format_traceback(err)
    );
    let ptr = Rc::as_ptr(&fut) as usize;
    vm.asyncio.unretrieved.push(Unretrieved {
        future: Rc::downgrade(&fut),
        ptr,
        report,
    });
    Ok(())
}

fn untrack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Value::Instance(fut) = arg(&args, 0) {
        untrack_future(vm, &fut);
    }
    Ok(Value::None)
}

/// Its exception was retrieved: no report.
pub fn untrack_future(vm: &mut Vm, fut: &Rc<Instance>) {
    let ptr = Rc::as_ptr(fut) as usize;
    vm.asyncio.unretrieved.retain(|u| u.ptr != ptr);
}

fn report_unretrieved(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    report(vm, false);
    Ok(Value::None)
}

/// Writes the reports of futures that were dropped unretrieved (all of them when `all`).
pub fn report(vm: &mut Vm, all: bool) {
    let entries = std::mem::take(&mut vm.asyncio.unretrieved);
    let mut keep = Vec::new();
    for u in entries {
        if all || u.future.upgrade().is_none() {
            vm.write_stderr(&u.report);
        } else {
            keep.push(u);
        }
    }
    vm.asyncio.unretrieved.extend(keep);
}
