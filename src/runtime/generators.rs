//! Methods of generator, coroutine and async generator objects (`send`, `throw`, `close`,
//! `__next__`, `__await__`, `asend`, ...), on top of `Vm::resume_generator`.

use std::rc::Rc;

use crate::vm::dispatch::{FrameResult, Resume};
use crate::vm::object::{Args, BuiltinFn, Generator, GeneratorKind, GeneratorState};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub const GENERATOR_METHODS: &[(&str, BuiltinFn)] = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
    ("__next__", gen_next),
    ("__iter__", identity),
];

pub const COROUTINE_METHODS: &[(&str, BuiltinFn)] = &[
    ("send", gen_send),
    ("throw", gen_throw),
    ("close", gen_close),
    ("__await__", coro_await),
];

pub const ASYNC_GENERATOR_METHODS: &[(&str, BuiltinFn)] = &[
    ("__aiter__", identity),
    ("__anext__", crate::asyncio::asyncgen::agen_anext),
    ("asend", crate::asyncio::asyncgen::agen_asend),
    ("athrow", crate::asyncio::asyncgen::agen_athrow),
    ("aclose", crate::asyncio::asyncgen::agen_aclose),
];

fn coro_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    Ok(crate::runtime::iter::new_iter(
        crate::runtime::iter::IterState::CoroutineWrapper(g),
    ))
}

fn identity(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn this(vm: &Vm, args: &Args) -> PyResult<Rc<Generator>> {
    match args.pos.first() {
        Some(Value::Generator(g)) => Ok(g.clone()),
        _ => Err(vm.type_error("descriptor requires a generator object")),
    }
}

/// Outcome of one resumption as seen by `send`/`__next__`: a yielded value, or StopIteration.
pub fn send_value(vm: &mut Vm, g: &Rc<Generator>, resume: Resume) -> PyResult<Value> {
    match vm.resume_generator(g, resume)? {
        FrameResult::Yielded(v) | FrameResult::AsyncGenYielded(v) => Ok(v),
        FrameResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn gen_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    send_value(vm, &g, Resume::Send(v))
}

fn gen_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    send_value(vm, &g, Resume::Send(Value::None))
}

/// Builds the exception `throw(typ[, val])` raises.
pub fn make_thrown(vm: &mut Vm, typ: &Value, val: Option<&Value>) -> PyResult<PyErr> {
    match (typ, val) {
        (Value::Class(_), Some(v)) if !v.is_none() => {
            if let Value::Instance(i) = v {
                if i.exception_data().is_some() {
                    return Ok(PyErr { exc: i.clone() });
                }
            }
            let e = vm.call(typ, std::slice::from_ref(v))?;
            vm.make_raisable(e)
        }
        _ => vm.make_raisable(typ.clone()),
    }
}

fn gen_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    let Some(typ) = args.pos.get(1) else {
        return Err(vm.type_error("throw expected at least 1 argument, got 0"));
    };
    let err = make_thrown(vm, typ, args.pos.get(2))?;
    send_value(vm, &g, Resume::Throw(err))
}

/// `gen.close()`: throw GeneratorExit; a yield in response is a RuntimeError.
pub fn close_generator(vm: &mut Vm, g: &Rc<Generator>) -> PyResult<Value> {
    match g.state.get() {
        GeneratorState::Finished => return Ok(Value::None),
        GeneratorState::Created => {
            g.state.set(GeneratorState::Finished);
            drop(g.body.take());
            return Ok(Value::None);
        }
        _ => {}
    }
    let exit = vm.err_with(&vm.types.generator_exit.clone(), vec![]);
    match vm.resume_generator(g, Resume::Throw(exit)) {
        Ok(FrameResult::Yielded(_)) | Ok(FrameResult::AsyncGenYielded(_)) => {
            let what = match g.kind {
                GeneratorKind::Coroutine => "coroutine ignored GeneratorExit",
                GeneratorKind::AsyncGenerator => "async generator ignored GeneratorExit",
                GeneratorKind::Generator => "generator ignored GeneratorExit",
            };
            Err(vm.runtime_error(what))
        }
        Ok(FrameResult::Returned(v)) => Ok(v),
        Err(e)
            if e.is_instance_of(&vm.types.generator_exit)
                || e.is_instance_of(&vm.types.stop_iteration) =>
        {
            Ok(Value::None)
        }
        Err(e) => Err(e),
    }
}

fn gen_close(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let g = this(vm, &args)?;
    close_generator(vm, &g)?;
    Ok(Value::None)
}
