//! `asyncio.sleep`'s coroutine, stepped in Rust (see stepped.rs). A call with an int or float
//! delay makes a coroutine without a frame; its first step arms the timer straight in the
//! loop's heap and yields the future, as the Python body's `return await future` would, and
//! the step after the wake-up returns the result. `sleep(0)` yields once. With 100,000
//! sleeping tasks that is a frame, its stack and a Python-level call less per task. Other
//! delays, no running loop, or a loop that overrides `create_future` or `call_later`: the
//! Python body runs.

use std::rc::Rc;

use super::futures;
use super::stepped::{give_frame, positions, raised_from};
use crate::compile::code::{Code, Instr};
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::object::{Function, GenBody, Generator, Module};
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
            (Value::Float(d), Value::None) => GenBody::SleepFor(*d),
            (Value::Int(i), Value::None) => GenBody::SleepForInt(*i),
            _ => GenBody::SleepArgs(Box::new([delay, result])),
        })
    }

    pub fn suspended_pc(&self, body: &GenBody) -> Option<u32> {
        match body {
            GenBody::SleepAwaiting(_) => Some(self.future_send_pc),
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
                GenBody::SleepFor(d) => (Value::Float(d), Value::None),
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
        GenBody::SleepAwaiting(future) => {
            let fut = Value::Instance(future.clone());
            match futures::await_step(vm, &fut, resume) {
                Ok(SendResult::Yielded(v)) => {
                    gen.body.set(GenBody::SleepAwaiting(future));
                    Ok(SendResult::Yielded(v))
                }
                Ok(returned) => Ok(returned),
                Err(e) => Err(match &vm.asyncio.stepped.sleep {
                    Some(s) => raised_from(e, &[(&s.function.code, s.future_send_pc)]),
                    None => e,
                }),
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

/// The first step, when it can be taken natively: `sleep(0)` yields once; a positive delay on
/// tulip's own loop arms the timer and awaits the future.
fn start(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    delay: &Value,
    result: &Value,
) -> Option<PyResult<SendResult>> {
    let not_positive = match delay {
        Value::Float(d) => *d <= 0.0,
        Value::Int(i) => *i <= 0,
        _ => return None,
    };
    if not_positive {
        let result = (!result.is_none()).then(|| Box::new(result.clone()));
        gen.body.set(GenBody::SleepYielded(result));
        return Some(Ok(SendResult::Yielded(Value::None)));
    }
    // An error here (no running loop, a closed loop) is left for the Python body to raise.
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
