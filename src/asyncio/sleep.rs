//! `asyncio.sleep`'s coroutine, stepped in Rust (see stepped.rs). A call with an int or float
//! delay makes a coroutine without a frame, and `sleep(0)` yields once. With 100,000 sleeping
//! tasks that is a frame, its stack and a Python-level call less per task. Other delays, no
//! running loop, or a loop that overrides `create_future` or `call_later`: the Python body runs.
//!
//! `sleep(delay)` is lazy: its first step arms a timer in the loop's timer queue that targets the
//! coroutine itself, and yields the coroutine as a stand-in for the future the Python body
//! would await. A task takes it (`claim`); the timer then schedules the task's wake-up, and the
//! next step returns None. The future is made only when something can tell it is missing
//! (`materialize`): `task._fut_waiter` (and so the task's repr), `task.cancel()`, a send or
//! throw from anything but the task's wake-up, a loop other than the task's. From then on the
//! coroutine awaits that future as the Python body does. `sleep(delay, result)` makes its
//! future at once.

use std::rc::Rc;

use super::futures;
use super::stepped::{give_frame, positions, raised_from};
use crate::compile::code::{Code, Instr};
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::object::{Function, GenBody, Generator, Instance, Module};
use crate::vm::symbol::intern;
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// Where the steps of `sleep` are in asyncio.py.
pub struct SleepCode {
    pub function: Rc<Function>,
    /// The `Send` of `await _Sleep0()` and of `return await future`: a frame suspended in
    /// them is at this instruction, so tracebacks and reprs point there.
    sleep0_send_pc: u32,
    future_send_pc: u32,
    /// `_Sleep0.__await__` and its `yield`, the frame below `sleep(0)` while it is suspended.
    sleep0_code: Rc<Code>,
    sleep0_yield_pc: u32,
}

/// Finds `sleep` and `_Sleep0.__await__` in the asyncio module's namespace.
pub fn find(module: &Module) -> Option<SleepCode> {
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
    // `sleep`'s awaits, in source order: `_Sleep0()`, `_sleep_on(...)`, `future`.
    let sends = positions(&function.code, |i| matches!(i, Instr::Send));
    let yields = positions(&sleep0_await.code, |i| matches!(i, Instr::YieldValue));
    Some(SleepCode {
        function: function.clone(),
        sleep0_send_pc: *sends.first()?,
        future_send_pc: *sends.last()?,
        sleep0_code: sleep0_await.code.clone(),
        sleep0_yield_pc: *yields.first()?,
    })
}

impl SleepCode {
    /// The body of a new `sleep(delay[, result])` coroutine.
    pub fn body_for(&self, func: &Function, args: &[Value]) -> Option<GenBody> {
        let (delay, result) = match args {
            [delay] => (delay.clone(), func.defaults.last()?.clone()),
            [delay, result] => (delay.clone(), result.clone()),
            _ => return None,
        };
        Some(match (&delay, &result) {
            (Value::Float(d), Value::None) => GenBody::SleepFor(d.get()),
            (Value::Int(i), Value::None) => GenBody::SleepForInt(*i),
            _ => GenBody::SleepArgs(Box::new([delay, result])),
        })
    }

    pub fn suspended_pc(&self, body: &GenBody) -> Option<u32> {
        match body {
            GenBody::SleepAwaiting(_)
            | GenBody::SleepMaterialized(_)
            | GenBody::SleepTimer(_)
            | GenBody::SleepDue(_)
            | GenBody::SleepFired => Some(self.future_send_pc),
            GenBody::SleepYielded(_) => Some(self.sleep0_send_pc),
            _ => None,
        }
    }
}

/// One step of a `sleep` coroutine (see `stepped::step`).
pub fn step(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    body: GenBody,
    resume: Resume,
) -> Result<PyResult<SendResult>, Resume> {
    Ok(match body {
        GenBody::SleepFor(_) | GenBody::SleepForInt(_) | GenBody::SleepArgs(_) => {
            let (delay, result) = match body {
                GenBody::SleepFor(d) => (Value::float(d), Value::None),
                GenBody::SleepForInt(i) => (Value::Int(i), Value::None),
                GenBody::SleepArgs(args) => {
                    let [delay, result] = *args;
                    (delay, result)
                }
                _ => unreachable!("matched above"),
            };
            let started = match &resume {
                Resume::Send(v) if v.is_none() => start(vm, gen, &delay, &result),
                _ => None,
            };
            match started {
                Some(outcome) => outcome,
                None => {
                    if let Some(function) = vm
                        .asyncio
                        .stepped
                        .sleep
                        .as_ref()
                        .map(|s| s.function.clone())
                    {
                        give_frame(vm, gen, &function, vec![delay, result]);
                    }
                    return Err(resume);
                }
            }
        }
        GenBody::SleepAwaiting(future) => await_future(vm, gen, future, false, resume),
        GenBody::SleepMaterialized(future) => await_future(vm, gen, future, true, resume),
        // Resumed while its timer is pending: not by a task's wake-up (the timer's), so it
        // gets its future and goes on as the Python body would, awaiting it.
        lazy @ (GenBody::SleepTimer(_) | GenBody::SleepDue(_)) => {
            // The future belongs to the waiting task's loop, which need not be running (a
            // coroutine closed after its loop stopped).
            let event_loop = match &lazy {
                GenBody::SleepTimer(Some(task)) | GenBody::SleepDue(Some(task)) => {
                    futures::future_data(&Value::Instance(task.clone()))
                        .map(|d| d.borrow().event_loop.clone())
                }
                _ => None,
            };
            gen.body.set(lazy);
            let materialized = match event_loop {
                Some(event_loop) => Ok(event_loop),
                None => super::native::running_loop(vm),
            }
            .and_then(|event_loop| materialize(vm, gen, &event_loop));
            match materialized {
                Ok(Some(Value::Instance(future))) => await_future(vm, gen, future, true, resume),
                Ok(_) => Err(vm.runtime_error("internal error: lazy sleep")),
                Err(e) => Err(e),
            }
        }
        // The timer ran: `return await future` returns the future's result, None. The body
        // stays, so that the task still waiting for the wake-up can show the done future.
        GenBody::SleepFired => {
            gen.body.set(GenBody::SleepFired);
            match resume {
                Resume::Send(_) => Ok(SendResult::Returned(Value::None)),
                Resume::Throw(e) => Err(from_future_await(vm, e)),
            }
        }
        GenBody::SleepYielded(result) => match resume {
            Resume::Send(_) => Ok(SendResult::Returned(result.map_or(Value::None, |r| *r))),
            Resume::Throw(e) => Err(match &vm.asyncio.stepped.sleep {
                Some(s) => raised_from(
                    e,
                    &[
                        (&s.sleep0_code, s.sleep0_yield_pc),
                        (&s.function.code, s.sleep0_send_pc),
                    ],
                ),
                None => e,
            }),
        },
        other => {
            gen.body.set(other);
            return Err(resume);
        }
    })
}

/// `return await future`'s step: a future from `SleepMaterialized` stays in the body after
/// the coroutine finishes, for the timer.
fn await_future(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    future: Rc<Instance>,
    materialized: bool,
    resume: Resume,
) -> PyResult<SendResult> {
    let fut = Value::Instance(future.clone());
    let outcome = futures::await_step(vm, &fut, resume);
    if materialized {
        gen.body.set(GenBody::SleepMaterialized(future));
    } else if let Ok(SendResult::Yielded(_)) = outcome {
        gen.body.set(GenBody::SleepAwaiting(future));
    }
    outcome.map_err(|e| from_future_await(vm, e))
}

/// `e` escaped `return await future`: its traceback gets that line of `sleep`.
fn from_future_await(vm: &Vm, e: crate::vm::PyErr) -> crate::vm::PyErr {
    match &vm.asyncio.stepped.sleep {
        Some(s) => raised_from(e, &[(&s.function.code, s.future_send_pc)]),
        None => e,
    }
}

/// Has `gen` just yielded itself as a lazy sleep, not yet taken by a task?
pub fn is_unclaimed(gen: &Generator) -> bool {
    gen.with_body(|body| matches!(body, GenBody::SleepTimer(None)))
}

/// A task took the yield of a lazy sleep (`tasks::yielded`): its timer will wake that task.
/// False if `gen` is not a lazy sleep that has just yielded.
pub fn claim(gen: &Generator, task: &Rc<Instance>) -> bool {
    match gen.body.take() {
        GenBody::SleepTimer(None) => {
            gen.body.set(GenBody::SleepTimer(Some(task.clone())));
            true
        }
        other => {
            gen.body.set(other);
            false
        }
    }
}

/// Gives a lazy sleep the future the Python body would have been awaiting, in the state it
/// would be in: pending with the task's wake-up as its callback, or done after the timer ran.
/// The future, or None if `gen` is not a lazy sleep.
pub fn materialize(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    event_loop: &Value,
) -> PyResult<Option<Value>> {
    let lazy = gen.with_body(|body| match body {
        GenBody::SleepTimer(_) | GenBody::SleepDue(_) | GenBody::SleepFired => Ok(()),
        GenBody::SleepMaterialized(future) => Err(Some(Value::Instance(future.clone()))),
        _ => Err(None),
    });
    if let Err(known) = lazy {
        return Ok(known);
    }
    let future = futures::new_future(vm, event_loop)?;
    let (Value::Instance(instance), Some(data)) = (&future, futures::future_data(&future)) else {
        return Err(vm.runtime_error("internal error: sleep future"));
    };
    let body = gen
        .body
        .replace(GenBody::SleepMaterialized(instance.clone()));
    let armed = matches!(body, GenBody::SleepTimer(_));
    match body {
        GenBody::SleepTimer(waiter) | GenBody::SleepDue(waiter) => {
            let mut d = data.borrow_mut();
            d.sleep_timer_armed = armed;
            // Yielded by `await future`; taken by a task, which waits for it to be done.
            d.blocking = waiter.is_none();
            if let Some(task) = waiter {
                d.callbacks = futures::Callbacks::Waiter(task);
            }
        }
        _ => futures::set_result(vm, &future, data, Value::None)?,
    }
    Ok(Some(future))
}

/// The first step, when it can be taken natively: `sleep(0)` yields once; a positive delay on
/// tulip's own loop arms the timer and awaits the future.
fn start(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    delay: &Value,
    result: &Value,
) -> Option<PyResult<SendResult>> {
    let not_positive = match delay {
        Value::Float(d) => d.get() <= 0.0,
        Value::Int(i) => *i <= 0,
        _ => return None,
    };
    if not_positive {
        let result = (!result.is_none()).then(|| Box::new(result.clone()));
        gen.body.set(GenBody::SleepYielded(result));
        return Some(Ok(SendResult::Yielded(Value::None)));
    }
    // An error here (no running loop, a closed loop) is left for the Python body to raise.
    if result.is_none() {
        // Yields the coroutine itself: a task takes it as the future (`claim`); anything else
        // that resumed the coroutine gets the future made now (`Vm::resume_generator`).
        return match super::events::arm_lazy_sleep(vm, gen, delay) {
            Ok(true) => {
                gen.body.set(GenBody::SleepTimer(None));
                Some(Ok(SendResult::Yielded(Value::Generator(gen.clone()))))
            }
            _ => None,
        };
    }
    let Ok(Some(future)) = super::events::arm_sleep(vm, delay, result) else {
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
