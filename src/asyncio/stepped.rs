//! Coroutines of asyncio.py that Rust steps without a frame: `sleep` (sleep.rs) and
//! `asyncio.Lock`'s `acquire`, `__aenter__` and `__aexit__` (lock.rs). The functions stay the
//! `async def`s of asyncio.py, so their names, signatures, reprs, never-awaited warnings and
//! traceback lines are the Python code's; but a call makes a coroutine whose body is a small
//! state (`GenBody`) instead of a frame, and a step is a few Rust calls instead of a chain of
//! Python-level calls. Anything unusual (arguments of other types, a loop or a lock whose
//! methods were replaced, a throw or a non-None send before the first step) gives the
//! coroutine its frame and runs the Python body from its start, so the outcome is the Python
//! code's.

use std::rc::Rc;

use super::lock::{self, LockCode};
use super::sleep::{self, SleepCode};
use crate::compile::code::{Code, Instr};
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::object::{Function, GenBody, Generator, GeneratorState, Module, TracebackEntry};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The stepped functions, found once asyncio.py has run.
#[derive(Default)]
pub struct Stepped {
    pub sleep: Option<SleepCode>,
    pub lock: Option<LockCode>,
}

/// Finds the stepped functions in the asyncio module and marks their code.
pub fn register(vm: &mut Vm, module: &Module) {
    let stepped = Stepped {
        sleep: sleep::find(module),
        lock: lock::find(module),
    };
    for code in stepped.sleep.iter().map(|s| &s.function.code) {
        code.natively_stepped.set(true);
    }
    for f in stepped.lock.iter().flat_map(|l| l.functions()) {
        f.code.natively_stepped.set(true);
    }
    vm.asyncio.stepped = stepped;
}

/// The body of a coroutine of `func` (whose code is marked) called with the positional
/// `args` (defaults not applied), or None if it needs its frame.
pub fn body_for(vm: &Vm, func: &Function, args: &[Value]) -> Option<GenBody> {
    let stepped = &vm.asyncio.stepped;
    if let Some(s) = &stepped.sleep {
        if Rc::ptr_eq(&s.function.code, &func.code) {
            return s.body_for(func, args);
        }
    }
    stepped.lock.as_ref()?.body_for(func, args)
}

/// Takes one step of a coroutine with a native body: `Ok` with the outcome, or `Err` giving
/// `resume` back when the generator has a frame (perhaps just given) for the caller to run.
pub fn step(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    resume: Resume,
) -> Result<PyResult<SendResult>, Resume> {
    let body = gen.body.take();
    let outcome = match body {
        GenBody::Empty | GenBody::Frame(_) => {
            gen.body.set(body);
            return Err(resume);
        }
        GenBody::SleepFor(_)
        | GenBody::SleepForInt(_)
        | GenBody::SleepArgs(_)
        | GenBody::SleepAwaiting(_)
        | GenBody::SleepYielded(_) => sleep::step(vm, gen, body, resume)?,
        GenBody::LockAcquire { .. } | GenBody::LockExit(_) | GenBody::LockWaiting(_) => {
            lock::step(vm, gen, body, resume)?
        }
    };
    gen.state.set(match &outcome {
        Ok(SendResult::Yielded(_)) => GeneratorState::Suspended,
        _ => GeneratorState::Finished,
    });
    Ok(outcome)
}

/// The instruction a natively stepped coroutine is suspended at (for reprs), if it is one.
pub fn suspended_pc(vm: &Vm, gen: &Generator) -> Option<u32> {
    let stepped = &vm.asyncio.stepped;
    gen.with_body(|body| match body {
        GenBody::SleepAwaiting(_) | GenBody::SleepYielded(_) => {
            stepped.sleep.as_ref()?.suspended_pc(body)
        }
        GenBody::LockWaiting(w) => stepped.lock.as_ref().map(|l| l.suspended_pc(w)),
        _ => None,
    })
}

/// Gives a coroutine that has not started the frame of `function`, with `locals` bound
/// (the rest unbound), so that the Python body runs.
pub(super) fn give_frame(vm: &mut Vm, gen: &Generator, function: &Function, locals: Vec<Value>) {
    let mut frame = vm.empty_frame(function.code.clone(), function.globals.clone());
    frame.stack.extend(locals);
    while frame.stack.len() < frame.nlocals() {
        frame.stack.push(Value::Undef);
    }
    gen.set_frame(frame);
}

/// `e` escaped a natively stepped coroutine: its traceback gets the lines (innermost first)
/// that the Python body's frames would have added.
pub(super) fn raised_from(e: PyErr, lines: &[(&Rc<Code>, u32)]) -> PyErr {
    if let Some(data) = e.exc.exception_data() {
        let mut data = data.borrow_mut();
        for (code, pc) in lines {
            data.traceback.push(TracebackEntry {
                code: Rc::clone(code),
                pc: *pc,
            });
        }
    }
    e
}

/// The positions of `code`'s instructions that `want` picks, in order.
pub(super) fn positions(code: &Code, want: fn(&Instr) -> bool) -> Vec<u32> {
    let picked = code.instrs.iter().enumerate().filter(|(_, i)| want(i));
    picked.map(|(pc, _)| pc as u32).collect()
}
