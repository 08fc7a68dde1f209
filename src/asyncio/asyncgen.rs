//! Async generators: `__anext__`/`asend`/`athrow`/`aclose` return awaitables that drive the
//! generator's frame one value at a time (CPython's `async_generator_asend` and
//! `async_generator_athrow`). An `await` inside the generator passes its future through to the
//! task; the generator's own `yield` completes the awaitable with the value.
//!
//! Like CPython's loop hooks, a generator is registered when first iterated so the loop can
//! close it at shutdown, or soon after nothing else references it.

use std::rc::Rc;

use crate::runtime::iter::{new_iter, IterState};
use crate::vm::dispatch::{FrameResult, Resume, SendResult};
use crate::vm::object::{Args, Generator, GeneratorKind, GeneratorState};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// What an `asend`/`athrow` awaitable does on its first step.
pub enum AgenOp {
    Send(Value),
    Throw(PyErr),
    /// `aclose()`: throw GeneratorExit; a yielded value is an error, exit is success.
    Close,
}

pub struct AgenAwaitable {
    pub gen: Rc<Generator>,
    /// `None` once started.
    pub op: Option<AgenOp>,
    pub close: bool,
    pub done: bool,
}

fn this(vm: &Vm, args: &Args) -> PyResult<Rc<Generator>> {
    match args.pos.first() {
        Some(Value::Generator(g)) if g.kind == GeneratorKind::AsyncGenerator => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires an 'async_generator' object")),
    }
}

fn awaitable(gen: Rc<Generator>, op: AgenOp) -> Value {
    let close = matches!(op, AgenOp::Close);
    new_iter(IterState::AsyncGenStep(Box::new(AgenAwaitable {
        gen,
        op: Some(op),
        close,
        done: false,
    })))
}

pub fn agen_anext(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    Ok(awaitable(g, AgenOp::Send(Value::None)))
}

pub fn agen_asend(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(awaitable(g, AgenOp::Send(v)))
}

pub fn agen_athrow(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let Some(typ) = args.pos.get(1) else {
        return Err(vm.type_error("athrow expected at least 1 argument, got 0"));
    };
    let err = crate::runtime::generators::make_thrown(vm, typ, args.pos.get(2))?;
    Ok(awaitable(g, AgenOp::Throw(err)))
}

pub fn agen_aclose(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    Ok(awaitable(g, AgenOp::Close))
}

/// One step of an `asend`/`athrow` awaitable, given what the awaiting frame sends or throws.
pub fn step(vm: &mut Vm, a: &mut AgenAwaitable, input: Resume) -> PyResult<SendResult> {
    if a.done {
        return Err(vm.runtime_error("cannot reuse already awaited __anext__()/asend()"));
    }
    let gen = a.gen.clone();
    let resume = match a.op.take() {
        Some(AgenOp::Send(v)) => {
            if gen.state.get() == GeneratorState::Finished {
                a.done = true;
                return Err(vm.err_with(&vm.types.stop_async_iteration.clone(), vec![]));
            }
            first_iteration(vm, &gen);
            Resume::Send(v)
        }
        Some(AgenOp::Throw(e)) => {
            if gen.state.get() != GeneratorState::Suspended {
                a.done = true;
                if gen.state.get() == GeneratorState::Created && !a.close {
                    gen.state.set(GeneratorState::Finished);
                    drop(gen.body.take());
                }
                return Err(e);
            }
            first_iteration(vm, &gen);
            Resume::Throw(e)
        }
        Some(AgenOp::Close) => {
            if gen.state.get() != GeneratorState::Suspended {
                // Closing a generator that never started or already finished is a no-op.
                gen.state.set(GeneratorState::Finished);
                drop(gen.body.take());
                a.done = true;
                return Ok(SendResult::Returned(Value::None));
            }
            Resume::Throw(vm.err_with(&vm.types.generator_exit.clone(), vec![]))
        }
        None => input,
    };
    if gen.running_async.get()
        && matches!(resume, Resume::Send(_))
        && gen.state.get() == GeneratorState::Running
    {
        return Err(vm.runtime_error("anext(): asynchronous generator is already running"));
    }
    let result = vm.resume_generator(&gen, resume);
    match result {
        Ok(FrameResult::Yielded(v)) => Ok(SendResult::Yielded(v)),
        Ok(FrameResult::AsyncGenYielded(v)) => {
            a.done = true;
            if a.close {
                return Err(vm.runtime_error("async generator ignored GeneratorExit"));
            }
            Ok(SendResult::Returned(v))
        }
        Ok(FrameResult::Returned(_)) => {
            a.done = true;
            if a.close {
                return Ok(SendResult::Returned(Value::None));
            }
            Err(vm.err_with(&vm.types.stop_async_iteration.clone(), vec![]))
        }
        Err(e) => {
            a.done = true;
            if a.close
                && (e.is_instance_of(&vm.types.generator_exit)
                    || e.is_instance_of(&vm.types.stop_async_iteration))
            {
                return Ok(SendResult::Returned(Value::None));
            }
            Err(e)
        }
    }
}

/// CPython's `firstiter` hook: the loop learns about a generator when it first runs.
fn first_iteration(vm: &mut Vm, gen: &Rc<Generator>) {
    if gen.state.get() == GeneratorState::Created {
        vm.asyncio.asyncgens.push(gen.clone());
    }
}

/// `_tulip.asyncgens(all)`: generators to close — every unfinished one (at loop shutdown), or
/// only those nothing else references any more (CPython's finalizer hook, run when they are
/// garbage-collected).
pub fn take_asyncgens(vm: &mut Vm, all: bool) -> Vec<Value> {
    // Every loop iteration asks; most programs have no async generators.
    if vm.asyncio.asyncgens.is_empty() {
        return Vec::new();
    }
    vm.asyncio
        .asyncgens
        .retain(|g| g.state.get() != GeneratorState::Finished);
    let mut out = Vec::new();
    let mut keep = Vec::new();
    for g in std::mem::take(&mut vm.asyncio.asyncgens) {
        if all || Rc::strong_count(&g) == 1 {
            out.push(Value::Generator(g));
        } else {
            keep.push(g);
        }
    }
    vm.asyncio.asyncgens = keep;
    out
}
