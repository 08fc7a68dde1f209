//! `asyncio.sleep`'s coroutine, stepped in Rust. `sleep` stays the `async def` of asyncio.py
//! (its name, signature, repr, warnings and traceback lines are those of the Python code), but
//! a call makes a coroutine without a frame (`GenBody::SleepFor`/`SleepArgs`). Its first step
//! arms the timer straight in the loop's heap and yields the future, as the Python body's
//! `return await future` would; the step after the wake-up returns the result. With 100,000
//! sleeping tasks that is a frame, its stack and a Python-level call less per task: a fifth of
//! the memory. Anything unusual (a delay that is not an int or a float, no running loop, a loop
//! that overrides `create_future` or `call_later`, a throw or a non-None send before the first
//! step) gives the coroutine its frame and runs the Python body from its start, so the outcome
//! and its traceback are the Python code's.

use std::rc::Rc;

use super::futures;
use crate::compile::code::{Code, Instr};
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::object::{Function, GenBody, Generator, GeneratorState, TracebackEntry};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Where the steps of `sleep` are in asyncio.py, found once the module has run.
pub struct SleepCode {
    pub code: Rc<Code>,
    function: Rc<Function>,
    /// The `Send` of `await _Sleep0()` and of `return await future`: a frame suspended in
    /// them is at this instruction, so tracebacks and reprs point there.
    sleep0_send_pc: u32,
    future_send_pc: u32,
    /// `_Sleep0.__await__` and its `yield`, the frame below `sleep(0)` while it is suspended.
    sleep0_code: Rc<Code>,
    sleep0_yield_pc: u32,
}

/// Finds `sleep` and `_Sleep0.__await__` in the asyncio module's namespace.
pub fn find(module: &crate::vm::object::Module) -> Option<SleepCode> {
    let globals = module.globals.borrow();
    let Some(Value::Function(function)) = globals.get(intern("sleep")) else {
        return None;
    };
    let Some(Value::Class(sleep0)) = globals.get(intern("_Sleep0")) else {
        return None;
    };
    let Some(Value::Function(sleep0_await)) = sleep0.lookup(intern("__await__")) else {
        return None;
    };
    let position = |code: &Code, want: fn(&Instr) -> bool| {
        let mut found = code.instrs.iter().enumerate().filter(|(_, i)| want(i));
        let first = found.next()?.0 as u32;
        let last = found.next_back().map_or(first, |(pc, _)| pc as u32);
        Some((first, last))
    };
    // `sleep`'s awaits, in source order: `_Sleep0()`, `_sleep_on(...)`, `future`.
    let (sleep0_send_pc, future_send_pc) = position(&function.code, |i| matches!(i, Instr::Send))?;
    let (sleep0_yield_pc, _) = position(&sleep0_await.code, |i| matches!(i, Instr::YieldValue))?;
    Some(SleepCode {
        code: function.code.clone(),
        function: function.clone(),
        sleep0_send_pc,
        future_send_pc,
        sleep0_code: sleep0_await.code.clone(),
        sleep0_yield_pc,
    })
}

/// Whether `code` is `asyncio.sleep`'s.
#[inline]
pub fn is_sleep(vm: &Vm, code: &Rc<Code>) -> bool {
    matches!(&vm.asyncio.sleep, Some(s) if Rc::ptr_eq(&s.code, code))
}

/// The body of a new `sleep(delay, result)` coroutine.
pub fn new_body(delay: Value, result: Value) -> GenBody {
    match (&delay, &result) {
        (Value::Float(d), Value::None) => GenBody::SleepFor(*d),
        (Value::Int(i), Value::None) => GenBody::SleepForInt(*i),
        _ => GenBody::SleepArgs(Box::new([delay, result])),
    }
}

/// Takes one step of a coroutine with a native body: `Ok` with the outcome, or `Err` giving
/// `resume` back when the generator has a frame (perhaps just made) for the caller to run.
pub fn step(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    resume: Resume,
) -> Result<PyResult<SendResult>, Resume> {
    let body = gen.body.take();
    let outcome = match body {
        GenBody::SleepFor(_) | GenBody::SleepForInt(_) | GenBody::SleepArgs(_) => {
            let started = match &resume {
                Resume::Send(v) if v.is_none() => start(vm, gen, &body),
                _ => None,
            };
            match started {
                Some(outcome) => outcome,
                None => {
                    give_frame(vm, gen, body);
                    return Err(resume);
                }
            }
        }
        GenBody::SleepAwaiting(future) => {
            let fut = Value::Instance(future.clone());
            match futures::await_step(vm, &fut, resume) {
                Ok(SendResult::Yielded(v)) => {
                    gen.body.set(GenBody::SleepAwaiting(future));
                    Ok(SendResult::Yielded(v))
                }
                Ok(returned) => Ok(returned),
                Err(e) => Err(raised_in(vm, e, &[Line::FutureAwait])),
            }
        }
        GenBody::SleepYielded(result) => match resume {
            Resume::Send(_) => Ok(SendResult::Returned(result.map_or(Value::None, |r| *r))),
            Resume::Throw(e) => Err(raised_in(vm, e, &[Line::Sleep0Yield, Line::Sleep0Await])),
        },
        other => {
            gen.body.set(other);
            return Err(resume);
        }
    };
    gen.state.set(match &outcome {
        Ok(SendResult::Yielded(_)) => GeneratorState::Suspended,
        _ => GeneratorState::Finished,
    });
    Ok(outcome)
}

/// The first step, when it can be taken natively: `sleep(0)` yields once; a positive delay on
/// tulip's own loop arms the timer and awaits the future.
fn start(vm: &mut Vm, gen: &Rc<Generator>, body: &GenBody) -> Option<PyResult<SendResult>> {
    let (delay, result) = match body {
        GenBody::SleepFor(d) => (Value::Float(*d), Value::None),
        GenBody::SleepForInt(i) => (Value::Int(*i), Value::None),
        GenBody::SleepArgs(args) => (args[0].clone(), args[1].clone()),
        _ => return None,
    };
    let not_positive = match delay {
        Value::Float(d) => d <= 0.0,
        Value::Int(i) => i <= 0,
        _ => return None,
    };
    if not_positive {
        let result = (!result.is_none()).then(|| Box::new(result));
        gen.body.set(GenBody::SleepYielded(result));
        return Some(Ok(SendResult::Yielded(Value::None)));
    }
    // An error here (no running loop, a closed loop) is left for the Python body to raise.
    let Ok(Some(future)) = super::events::arm_sleep(vm, &delay, &result) else {
        return None;
    };
    let Value::Instance(instance) = &future else {
        return None;
    };
    let outcome = futures::await_step(vm, &future, Resume::Send(Value::None));
    if let Ok(SendResult::Yielded(_)) = outcome {
        gen.body.set(GenBody::SleepAwaiting(instance.clone()));
    }
    Some(outcome)
}

/// Gives a coroutine that has not started its frame, with the arguments bound, so that the
/// Python body runs.
fn give_frame(vm: &mut Vm, gen: &Rc<Generator>, body: GenBody) {
    let (delay, result) = match body {
        GenBody::SleepFor(d) => (Value::Float(d), Value::None),
        GenBody::SleepForInt(i) => (Value::Int(i), Value::None),
        GenBody::SleepArgs(args) => {
            let [delay, result] = *args;
            (delay, result)
        }
        other => {
            gen.body.set(other);
            return;
        }
    };
    let Some(sleep) = &vm.asyncio.sleep else {
        return;
    };
    let (code, globals) = (sleep.code.clone(), sleep.function.globals.clone());
    let mut frame = vm.empty_frame(code, globals);
    frame.stack.push(delay);
    frame.stack.push(result);
    while frame.stack.len() < frame.nlocals() {
        frame.stack.push(Value::Undef);
    }
    gen.set_frame(frame);
}

/// The lines a natively stepped `sleep` is suspended at, as the Python body's frames would be.
enum Line {
    /// `await _Sleep0()` in `sleep`.
    Sleep0Await,
    /// `return await future` in `sleep`.
    FutureAwait,
    /// `yield` in `_Sleep0.__await__`.
    Sleep0Yield,
}

/// `e` escaped the coroutine: its traceback gets the lines the Python body's frames would have
/// added.
fn raised_in(vm: &Vm, e: PyErr, lines: &[Line]) -> PyErr {
    let Some(sleep) = &vm.asyncio.sleep else {
        return e;
    };
    if let Some(data) = e.exc.exception_data() {
        let mut data = data.borrow_mut();
        for line in lines {
            let (code, pc) = match line {
                Line::Sleep0Await => (&sleep.code, sleep.sleep0_send_pc),
                Line::FutureAwait => (&sleep.code, sleep.future_send_pc),
                Line::Sleep0Yield => (&sleep.sleep0_code, sleep.sleep0_yield_pc),
            };
            data.traceback.push(TracebackEntry {
                code: code.clone(),
                pc,
            });
        }
    }
    e
}

/// The instruction a natively stepped `sleep` is suspended at (for its repr), if it is one.
pub fn suspended_pc(vm: &Vm, gen: &Generator) -> Option<u32> {
    let sleep = vm.asyncio.sleep.as_ref()?;
    gen.with_body(|body| match body {
        GenBody::SleepAwaiting(_) => Some(sleep.future_send_pc),
        GenBody::SleepYielded(_) => Some(sleep.sleep0_send_pc),
        _ => None,
    })
}
