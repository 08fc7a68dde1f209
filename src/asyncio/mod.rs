//! asyncio: the `asyncio` module (CPython's, ported to `asyncio.py`, over the native `_tulip`
//! core) and the VM-facing protocol the compiler relies on — awaitables, async iteration.

pub mod asyncgen;
pub mod events;
pub mod futures;
pub mod gather;
pub mod lock;
pub mod native;
pub mod queue;
pub mod sleep;
pub mod stepped;
pub mod tasks;
pub mod teach;
pub mod timer_queue;

use std::cell::RefCell;
use std::rc::Rc;

use crate::vm::dispatch::{FrameResult, Resume, SendResult};
use crate::vm::object::{GeneratorKind, Instance, Module};
use crate::vm::symbol::{sym, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// Native state carried by asyncio objects (futures, tasks, handles, loops). Each variant is
/// boxed so that the enum is two words: a `FutureIter` or a `Handle` does not pay for the size
/// of a task, and a program with 100,000 sleeping tasks holds one of each per task.
pub enum AsyncioObject {
    Handle(Box<RefCell<events::HandleData>>),
    Loop(Box<events::LoopCore>),
    /// Futures and tasks.
    Future(Box<RefCell<futures::FutureData>>),
    /// `future.__await__()`: the future, until it has been awaited.
    FutureIter(Box<RefCell<Value>>),
    /// What a `gather` call's done-callbacks share.
    Gather(Box<gather::GatherState>),
}

/// Per-VM asyncio state.
pub struct AsyncioState {
    /// Futures whose exception was never retrieved (reported when dropped or at exit).
    pub unretrieved: Vec<native::Unretrieved>,
    /// Async generators that started running and have not finished (CPython's `_asyncgens`).
    pub asyncgens: Vec<Rc<crate::vm::object::Generator>>,
    /// `Handle`, `TimerHandle` and `LoopCore`, once `_tulip` is imported.
    pub classes: Option<events::EventClasses>,
    /// `Task-N` names handed out so far.
    pub task_name_counter: u64,
    /// The task running on each loop (by loop address).
    pub current_tasks: rustc_hash::FxHashMap<usize, Value>,
    /// Unfinished tasks (by task address).
    pub all_tasks: tasks::AllTasks,
    /// The loop running now (`asyncio._get_running_loop()`), `None` outside `run_forever`.
    pub running_loop: Value,
    /// The REPL session's loop, which counts as running at the prompt.
    pub repl_loop: Value,
    /// The (shared) empty argument list of callbacks scheduled without arguments.
    pub no_args: Rc<[Value]>,
    /// The asyncio.py functions whose coroutines Rust steps, once the module has run.
    pub stepped: stepped::Stepped,
}

impl Default for AsyncioState {
    fn default() -> AsyncioState {
        AsyncioState {
            unretrieved: Vec::new(),
            asyncgens: Vec::new(),
            classes: None,
            task_name_counter: 0,
            current_tasks: Default::default(),
            all_tasks: Default::default(),
            running_loop: Value::None,
            repl_loop: Value::None,
            no_args: Rc::new([]),
            stepped: Default::default(),
        }
    }
}

pub fn instance_attr(
    vm: &mut Vm,
    inst: &Rc<Instance>,
    _obj: &Value,
    name: Symbol,
) -> PyResult<Option<Value>> {
    Ok(match inst.payload.asyncio() {
        Some(AsyncioObject::Future(f)) if name == sym::FUT_WAITER && f.borrow().task.is_some() => {
            Some(tasks::fut_waiter(vm, f)?)
        }
        Some(AsyncioObject::Handle(h)) => events::handle_attr(h, name),
        Some(AsyncioObject::Future(f)) => futures::future_attr(f, name),
        _ => None,
    })
}

/// Assignments to the native state of asyncio objects; false when the attribute is not theirs.
pub fn set_instance_attr(
    vm: &mut Vm,
    inst: &Rc<Instance>,
    obj: &Value,
    name: Symbol,
    value: &Value,
) -> PyResult<bool> {
    match inst.payload.asyncio() {
        Some(AsyncioObject::Future(f)) => futures::set_future_attr(vm, obj, f, name, value),
        _ => Ok(false),
    }
}

pub fn instance_len(_vm: &mut Vm, _inst: &Rc<Instance>) -> PyResult<Option<usize>> {
    Ok(None)
}

/// The asyncio package: `asyncio.py` compiled into its own module namespace.
/// Task names and task bookkeeping start over, as in a new process (`tulip doc` runs each
/// snippet of a document in the same interpreter).
pub fn reset_tasks(vm: &mut Vm) {
    vm.asyncio.task_name_counter = 0;
    vm.asyncio.current_tasks.clear();
    vm.asyncio.all_tasks.clear();
    vm.asyncio.running_loop = Value::None;
}

pub fn make_module(vm: &mut Vm) -> PyResult<Rc<Module>> {
    const SOURCE: &str = include_str!("asyncio.py");
    let module = crate::runtime::modules::new_module("asyncio");
    module
        .globals
        .borrow_mut()
        .set(sym::NAME, Value::str("asyncio"));
    let file = Rc::new(crate::compile::code::SourceFile::new("<asyncio>", SOURCE));
    let code = crate::compile::compile_source(SOURCE, file, &module, crate::compile::Mode::File)
        .map_err(|e| vm.runtime_error(format!("internal error in asyncio: {}", e.message)))?;
    let frame = Box::new(crate::vm::frame::Frame::new(code, module.clone()));
    vm.run_frame_to_completion(frame)?;
    stepped::register(vm, &module);
    Ok(module)
}

/// `time.sleep` inside a running event loop blocks it; the doc checker warns about it.
pub fn note_blocking_sleep(vm: &mut Vm, secs: f64) {
    teach::blocking_sleep(vm, secs);
}

impl Vm {
    /// `GET_AWAITABLE`: the iterator `await` drives.
    pub(crate) fn get_awaitable(&mut self, v: Value) -> PyResult<Value> {
        match &v {
            Value::Generator(g) if g.kind == GeneratorKind::Coroutine => Ok(v),
            Value::Iter(_) if is_agen_step(&v) || anext_default(&v).is_some() => Ok(v),
            Value::Instance(inst) => {
                // An exact native future is its own await iterator (see `await_step`).
                if futures::is_exact_native(self, &v) {
                    return Ok(v);
                }
                let cls = inst.class.clone();
                match cls.lookup(sym::AWAIT) {
                    Some(m) => {
                        let it = self.call_bound(m, v.clone(), &[])?;
                        match &it {
                            Value::Generator(g) if g.kind == GeneratorKind::Coroutine => {
                                Err(self.type_error("__await__() returned a coroutine"))
                            }
                            Value::Generator(_) | Value::Iter(_) => Ok(it),
                            Value::Instance(i) if i.class.lookup(sym::NEXT).is_some() => Ok(it),
                            other => Err(self.type_error(format!(
                                "__await__() returned non-iterator of type '{}'",
                                self.type_name(other)
                            ))),
                        }
                    }
                    None => Err(self.not_awaitable(&v)),
                }
            }
            _ => Err(self.not_awaitable(&v)),
        }
    }

    fn not_awaitable(&self, v: &Value) -> PyErr {
        self.type_error(format!(
            "object {} can't be used in 'await' expression",
            self.type_name(v)
        ))
    }

    /// `Send` on something that is not a Python generator: native awaitables and user iterators.
    pub(crate) fn send_native(&mut self, receiver: &Value, value: Value) -> PyResult<SendResult> {
        if futures::is_exact_native(self, receiver) {
            return futures::await_step(self, receiver, Resume::Send(value));
        }
        if futures::is_future_iter(receiver) {
            return futures::future_iter_step(self, receiver, Resume::Send(value));
        }
        if let Some(g) = wrapped_coroutine(receiver) {
            return self.drive_wrapped(&g, Resume::Send(value));
        }
        if is_agen_step(receiver) {
            return self.drive_agen_step(receiver, Resume::Send(value));
        }
        if let Some((inner, default)) = anext_default(receiver) {
            return self.drive_anext_default(&inner, default, Resume::Send(value));
        }
        if let Value::Instance(inst) = receiver {
            let cls = inst.class.clone();
            let r = if value.is_none() {
                match cls.lookup(sym::NEXT) {
                    Some(m) => self.call_bound(m, receiver.clone(), &[]),
                    None => return Err(self.type_error("object is not an iterator")),
                }
            } else {
                match cls.lookup(sym::SEND) {
                    Some(m) => self.call_bound(m, receiver.clone(), &[value]),
                    None => {
                        return Err(self.attribute_error(format!(
                            "'{}' object has no attribute 'send'",
                            cls.name
                        )))
                    }
                }
            };
            return match r {
                Ok(v) => Ok(SendResult::Yielded(v)),
                Err(e) if e.is_instance_of(&self.types.stop_iteration) => {
                    let v = e.data().args.first().cloned().unwrap_or(Value::None);
                    Ok(SendResult::Returned(v))
                }
                Err(e) => Err(e),
            };
        }
        match self.next(receiver)? {
            Some(v) => Ok(SendResult::Yielded(v)),
            None => Ok(SendResult::Returned(Value::None)),
        }
    }

    /// Throwing into a native sub-iterator at a `Send`.
    fn drive_agen_step(&mut self, receiver: &Value, r: Resume) -> PyResult<SendResult> {
        let Value::Iter(it) = receiver else {
            return Err(self.runtime_error("not an async generator awaitable"));
        };
        let it = it.clone();
        let Ok(mut state) = it.state.try_borrow_mut() else {
            return Err(self.runtime_error("anext(): asynchronous generator is already running"));
        };
        match &mut *state {
            crate::runtime::iter::IterState::AsyncGenStep(a) => asyncgen::step(self, a, r),
            _ => Err(self.runtime_error("not an async generator awaitable")),
        }
    }

    fn drive_anext_default(
        &mut self,
        inner: &Value,
        default: Value,
        r: Resume,
    ) -> PyResult<SendResult> {
        let result = match inner {
            Value::Generator(g) => self.drive_wrapped(g, r),
            other => match r {
                Resume::Send(v) => self.send_native(other, v),
                Resume::Throw(e) => self.throw_native(other, e),
            },
        };
        match result {
            Err(e) if e.is_instance_of(&self.types.stop_async_iteration) => {
                Ok(SendResult::Returned(default))
            }
            other => other,
        }
    }

    /// Runs a coroutine behind a `coroutine_wrapper` one step.
    fn drive_wrapped(
        &mut self,
        g: &Rc<crate::vm::object::Generator>,
        r: Resume,
    ) -> PyResult<SendResult> {
        Ok(match self.resume_generator(g, r)? {
            FrameResult::Returned(v) => SendResult::Returned(v),
            FrameResult::Yielded(v) | FrameResult::AsyncGenYielded(v) => SendResult::Yielded(v),
        })
    }

    pub(crate) fn throw_native(&mut self, receiver: &Value, err: PyErr) -> PyResult<SendResult> {
        if futures::is_exact_native(self, receiver) {
            return futures::await_step(self, receiver, Resume::Throw(err));
        }
        if futures::is_future_iter(receiver) {
            return futures::future_iter_step(self, receiver, Resume::Throw(err));
        }
        if let Some(g) = wrapped_coroutine(receiver) {
            return self.drive_wrapped(&g, Resume::Throw(err));
        }
        if is_agen_step(receiver) {
            return self.drive_agen_step(receiver, Resume::Throw(err));
        }
        if let Some((inner, default)) = anext_default(receiver) {
            return self.drive_anext_default(&inner, default, Resume::Throw(err));
        }
        if let Value::Instance(inst) = receiver {
            if let Some(m) = inst.class.lookup(sym::THROW) {
                let r = self.call_bound(m, receiver.clone(), &[err.value()]);
                return match r {
                    Ok(v) => Ok(SendResult::Yielded(v)),
                    Err(e) if e.is_instance_of(&self.types.stop_iteration) => {
                        let v = e.data().args.first().cloned().unwrap_or(Value::None);
                        Ok(SendResult::Returned(v))
                    }
                    Err(e) => Err(e),
                };
            }
        }
        Err(err)
    }

    pub(crate) fn get_aiter(&mut self, v: &Value) -> PyResult<Value> {
        match self.lookup_special(v, sym::AITER) {
            Some(m) => {
                let it = self.call_bound(m, v.clone(), &[])?;
                if self.lookup_special(&it, sym::ANEXT).is_none() {
                    return Err(self.type_error(format!(
                        "'async for' received an object from __aiter__ that does not implement __anext__: {}",
                        self.type_name(&it)
                    )));
                }
                Ok(it)
            }
            None => Err(self.type_error(format!(
                "'async for' requires an object with __aiter__ method, got {}",
                self.type_name(v)
            ))),
        }
    }

    pub(crate) fn get_anext(&mut self, it: &Value) -> PyResult<Value> {
        match self.lookup_special(it, sym::ANEXT) {
            Some(m) => {
                let aw = self.call_bound(m, it.clone(), &[])?;
                self.get_awaitable(aw).map_err(|_| {
                    self.type_error(format!(
                        "'async for' received an invalid object from __anext__: {}",
                        self.type_name(it)
                    ))
                })
            }
            None => Err(self.type_error(format!(
                "'async for' requires an iterator with __anext__ method, got {}",
                self.type_name(it)
            ))),
        }
    }
}

/// Unused until the event loop lands; keeps the resume API in one place.
pub fn resume(
    vm: &mut Vm,
    g: &Rc<crate::vm::object::Generator>,
    r: Resume,
) -> PyResult<FrameResult> {
    vm.resume_generator(g, r)
}

/// Runs REPL module code that uses top-level `await`.
pub fn run_toplevel_coroutine(
    vm: &mut Vm,
    code: Rc<crate::compile::code::Code>,
    frame: Box<crate::vm::frame::Frame>,
) -> PyResult<Value> {
    let name: Rc<str> = "<module>".into();
    let coro = Value::Generator(Rc::new(crate::vm::object::Generator::new(
        GeneratorKind::Coroutine,
        code,
        &name,
        &name,
        crate::vm::object::GenBody::Frame(frame),
        None,
    )));
    let module = vm.import_module("asyncio")?;
    let lp = vm.call_method(
        &module,
        crate::vm::symbol::intern("_repl_session_loop"),
        &[],
    )?;
    vm.call_method(
        &lp,
        crate::vm::symbol::intern("run_until_complete"),
        &[coro],
    )
}

/// Called before exit: reports futures whose exception was never retrieved.
pub fn shutdown(vm: &mut Vm) {
    native::report(vm, true);
}

/// The coroutine behind a `coro.__await__()` iterator.
fn wrapped_coroutine(v: &Value) -> Option<Rc<crate::vm::object::Generator>> {
    match v {
        Value::Iter(it) => match &*it.state.try_borrow().ok()? {
            crate::runtime::iter::IterState::CoroutineWrapper(g) => Some(g.clone()),
            _ => None,
        },
        _ => None,
    }
}

fn is_agen_step(v: &Value) -> bool {
    match v {
        Value::Iter(it) => matches!(
            it.state.try_borrow().as_deref(),
            Ok(crate::runtime::iter::IterState::AsyncGenStep(_)) | Err(_)
        ),
        _ => false,
    }
}

fn anext_default(v: &Value) -> Option<(Value, Value)> {
    match v {
        Value::Iter(it) => match &*it.state.try_borrow().ok()? {
            crate::runtime::iter::IterState::AnextDefault(a, d) => Some((a.clone(), d.clone())),
            _ => None,
        },
        _ => None,
    }
}
