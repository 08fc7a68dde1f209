//! `Future` and its await iterator, in Rust, with the semantics of CPython 3.11's C
//! implementation (`_asyncio.Future`): states, done-callbacks scheduled with `call_soon` in
//! registration order, cancellation messages, `_asyncio_future_blocking`, and never-retrieved
//! exception reports. `Task` (tasks.rs) shares this state.

use std::cell::RefCell;
use std::rc::Rc;

use super::events;
use super::native::as_err;
use super::tasks::TaskData;
use super::AsyncioObject;
use crate::runtime::types::{install, new_class};
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::object::{Args, Class, Instance, Layout, Payload};
use crate::vm::symbol::{intern, sym, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum State {
    Pending,
    Cancelled,
    Finished,
}

impl State {
    fn name(self) -> &'static str {
        match self {
            State::Pending => "PENDING",
            State::Cancelled => "CANCELLED",
            State::Finished => "FINISHED",
        }
    }
}

// Small enough for mimalloc's 80-byte size class, inside its RefCell: a million sleeping
// tasks are a million of them.
const _: () = assert!(std::mem::size_of::<RefCell<FutureData>>() <= 80);

pub struct FutureData {
    pub state: State,
    pub result: Value,
    pub event_loop: Value,
    pub callbacks: Callbacks,
    /// The exception and cancellation details, rarely present: boxed, so that every future
    /// stays small.
    rare: Option<Box<Rare>>,
    pub blocking: bool,
    pub log_traceback: bool,
    /// The future of an `asyncio.sleep` whose timer is in the loop's timer queue
    /// (`events::sleep_future`).
    pub sleep_timer_armed: bool,
    /// Present for tasks.
    pub task: Option<Box<TaskData>>,
}

/// A future's done-callbacks, in order. Most futures get one at most, kept without a vector
/// (as CPython keeps its `fut_callback0`): often the wake-up of the task that awaits them.
#[derive(Default)]
pub enum Callbacks {
    #[default]
    None,
    /// The wake-up of the task awaiting the future, as the task alone: the `task_wakeup`
    /// builtin is made only if someone lists the callbacks, or adds another.
    Waiter(Rc<Instance>),
    One(Value),
    Many(Box<Vec<Value>>),
}

const _: () = assert!(std::mem::size_of::<Callbacks>() == 16);

impl Callbacks {
    pub fn is_empty(&self) -> bool {
        matches!(self, Callbacks::None)
    }

    fn push(&mut self, cb: Value) {
        *self = match std::mem::take(self) {
            Callbacks::None => Callbacks::One(cb),
            Callbacks::Waiter(task) => Callbacks::Many(Box::new(vec![
                super::tasks::wakeup_for(&Value::Instance(task)),
                cb,
            ])),
            Callbacks::One(first) => Callbacks::Many(Box::new(vec![first, cb])),
            Callbacks::Many(mut all) => {
                all.push(cb);
                Callbacks::Many(all)
            }
        };
    }

    /// As `_callbacks` and `repr` show them.
    fn to_list(&self) -> Vec<Value> {
        match self {
            Callbacks::None => Vec::new(),
            Callbacks::Waiter(task) => {
                vec![super::tasks::wakeup_for(&Value::Instance(task.clone()))]
            }
            Callbacks::One(cb) => vec![cb.clone()],
            Callbacks::Many(all) => all.to_vec(),
        }
    }

    fn from_list(mut all: Vec<Value>) -> Callbacks {
        match all.len() {
            0 => Callbacks::None,
            1 => Callbacks::One(all.pop().expect("one")),
            _ => Callbacks::Many(Box::new(all)),
        }
    }
}

struct Rare {
    /// The exception set by `set_exception` (`None` if there is none).
    exception: Value,
    /// `cancel(msg)`'s message.
    message: Value,
    /// The `CancelledError` a task's coroutine raised, re-raised by `result()`.
    exc: Value,
}

impl Default for Rare {
    fn default() -> Rare {
        Rare {
            exception: Value::None,
            message: Value::None,
            exc: Value::None,
        }
    }
}

impl FutureData {
    pub fn new(task: Option<Box<TaskData>>) -> FutureData {
        FutureData {
            state: State::Pending,
            result: Value::None,
            event_loop: Value::None,
            callbacks: Callbacks::None,
            rare: None,
            blocking: false,
            log_traceback: false,
            sleep_timer_armed: false,
            task,
        }
    }

    /// The rare fields, made on first use.
    fn rare(&mut self) -> &mut Rare {
        self.rare.get_or_insert_with(Default::default)
    }

    /// The exception set by `set_exception` (`None` if there is none).
    pub fn exception(&self) -> Value {
        self.rare
            .as_ref()
            .map_or(Value::None, |r| r.exception.clone())
    }

    pub fn cancel_message(&self) -> Value {
        self.rare
            .as_ref()
            .map_or(Value::None, |r| r.message.clone())
    }

    pub fn set_cancel_message(&mut self, message: Value) {
        if !message.is_none() || self.rare.is_some() {
            self.rare().message = message;
        }
    }

    pub fn set_cancelled_exc(&mut self, exc: Value) {
        self.rare().exc = exc;
    }

    fn take_cancelled_exc(&mut self) -> Value {
        match &mut self.rare {
            Some(r) => std::mem::replace(&mut r.exc, Value::None),
            None => Value::None,
        }
    }

    /// No done-callbacks at all?
    pub fn has_no_callbacks(&self) -> bool {
        self.callbacks.is_empty()
    }
}

pub fn make_classes(object: &Rc<Class>) -> (Rc<Class>, Rc<Class>) {
    let future = new_class(
        "Future",
        "_asyncio",
        vec![object.clone()],
        Layout::Native,
        true,
    );
    install(
        &future,
        "Future",
        &[
            ("__new__", future_new),
            ("__init__", future_init),
            ("__repr__", future_repr),
            ("__await__", future_await),
            ("__iter__", future_await),
            ("get_loop", future_get_loop),
            ("_make_cancelled_error", future_make_cancelled_error),
            ("cancel", future_cancel_method),
            ("cancelled", future_cancelled),
            ("done", future_done),
            ("result", future_result),
            ("exception", future_exception),
            ("add_done_callback", future_add_done_callback),
            ("remove_done_callback", future_remove_done_callback),
            ("set_result", future_set_result_method),
            ("set_exception", future_set_exception_method),
        ],
    );
    let future_iter = new_class(
        "FutureIter",
        "_asyncio",
        vec![object.clone()],
        Layout::Native,
        true,
    );
    install(
        &future_iter,
        "FutureIter",
        &[
            ("__iter__", iter_self),
            ("__next__", iter_next),
            ("send", iter_send),
            ("throw", iter_throw),
            ("close", iter_close),
        ],
    );
    (future, future_iter)
}

// ----- access ---------------------------------------------------------------------------------

pub fn future_data(v: &Value) -> Option<&RefCell<FutureData>> {
    match v {
        Value::Instance(i) => match i.payload.asyncio() {
            Some(AsyncioObject::Future(f)) => Some(f),
            _ => None,
        },
        _ => None,
    }
}

/// Prefetches what waking `future`'s waiter touches, `depth` pointers away: its state, then
/// the task awaiting it (see `tasks::warm`). For the timer queue (timer_queue::Warm).
pub fn warm(future: &Instance, depth: usize, all_tasks: &super::tasks::AllTasks) {
    let Some(AsyncioObject::Future(data)) = future.payload.asyncio() else {
        return;
    };
    if depth == 0 {
        return super::timer_queue::prefetch(&**data);
    }
    if let Ok(d) = data.try_borrow() {
        if let Callbacks::Waiter(task) = &d.callbacks {
            super::tasks::warm(task, depth - 1, all_tasks);
        }
    }
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a RefCell<FutureData>> {
    args.pos.first().and_then(future_data).ok_or_else(|| {
        vm.type_error(format!(
            "descriptor '{method}' for '_asyncio.Future' objects doesn't apply to a '{}' object",
            args.pos
                .first()
                .map(|v| vm.type_name(v))
                .unwrap_or_default()
        ))
    })
}

/// A positional-or-keyword argument of a method (`self` is position 0).
pub fn param(args: &Args, pos: usize, name: Symbol) -> Option<Value> {
    if let Some(v) = args.pos.get(pos) {
        return Some(v.clone());
    }
    args.kw
        .iter()
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.clone())
}

/// `param` for a name that is no well-known symbol: interned only when keywords were given.
pub fn param_named(args: &Args, pos: usize, name: &str) -> Option<Value> {
    match args.pos.get(pos) {
        Some(v) => Some(v.clone()),
        None if args.kw.is_empty() => None,
        None => param(args, usize::MAX, intern(name)),
    }
}

/// A global of the `asyncio` module (its exception classes and Python helpers).
pub fn asyncio_global(vm: &mut Vm, name: &str) -> PyResult<Value> {
    match vm.modules.get("asyncio").cloned() {
        Some(m) => vm.get_attr(&m, intern(name)),
        None => Err(vm.runtime_error("asyncio is not imported")),
    }
}

/// Raises `asyncio.<class_name>(message)`.
pub fn asyncio_error(vm: &mut Vm, class_name: &str, message: &str) -> PyErr {
    let made = asyncio_global(vm, class_name).and_then(|cls| vm.call(&cls, &[Value::str(message)]));
    match made {
        Ok(Value::Instance(exc)) => PyErr { exc },
        Ok(_) => vm.runtime_error(message.to_string()),
        Err(e) => e,
    }
}

pub fn is_cancelled_error(vm: &mut Vm, exc: &Value) -> bool {
    match asyncio_global(vm, "CancelledError") {
        Ok(Value::Class(c)) => vm.isinstance(exc, &c),
        _ => false,
    }
}

// ----- the operations tasks share -------------------------------------------------------------

/// `loop.call_soon(callback, *args)`, natively when the loop is tulip's.
pub fn call_soon(
    vm: &mut Vm,
    event_loop: &Value,
    callback: Value,
    args: Rc<[Value]>,
) -> PyResult<()> {
    if events::is_native_loop(event_loop) {
        return events::call_soon_checked(vm, event_loop, callback, args);
    }
    let mut all = Vec::with_capacity(args.len() + 1);
    all.push(callback);
    all.extend(args.iter().cloned());
    vm.call_method(event_loop, intern("call_soon"), &all)?;
    Ok(())
}

fn schedule_callbacks(vm: &mut Vm, fut: &Value, data: &RefCell<FutureData>) -> PyResult<()> {
    let (callbacks, event_loop) = {
        let mut d = data.borrow_mut();
        if d.has_no_callbacks() {
            return Ok(());
        }
        (std::mem::take(&mut d.callbacks), d.event_loop.clone())
    };
    match callbacks {
        Callbacks::None => Ok(()),
        Callbacks::Waiter(waiter) => {
            let waiter = Value::Instance(waiter);
            if events::is_native_loop(&event_loop) {
                events::call_wakeup_soon(vm, &event_loop, waiter, fut.clone())
            } else {
                let cb = super::tasks::wakeup_for(&waiter);
                call_soon(vm, &event_loop, cb, Rc::new([fut.clone()]))
            }
        }
        Callbacks::One(cb) => call_soon(vm, &event_loop, cb, Rc::new([fut.clone()])),
        Callbacks::Many(all) => {
            let arg: Rc<[Value]> = Rc::new([fut.clone()]);
            for cb in *all {
                call_soon(vm, &event_loop, cb, arg.clone())?;
            }
            Ok(())
        }
    }
}

/// The exception was retrieved (or the future cancelled): no never-retrieved report.
pub fn untrack(vm: &mut Vm, fut: &Value, data: &RefCell<FutureData>) {
    let was_logging = std::mem::replace(&mut data.borrow_mut().log_traceback, false);
    if was_logging {
        if let Value::Instance(i) = fut {
            super::native::untrack_future(vm, i);
        }
    }
}

/// `Future.cancel(msg)`: false if already done.
pub fn cancel(vm: &mut Vm, fut: &Value, data: &RefCell<FutureData>, msg: Value) -> PyResult<bool> {
    untrack(vm, fut, data);
    {
        let mut d = data.borrow_mut();
        if d.state != State::Pending {
            return Ok(false);
        }
        d.state = State::Cancelled;
        d.set_cancel_message(msg);
        if d.sleep_timer_armed {
            events::count_cancelled_timer(&d.event_loop);
        }
    }
    schedule_callbacks(vm, fut, data)?;
    Ok(true)
}

pub fn set_result(vm: &mut Vm, fut: &Value, data: &RefCell<FutureData>, v: Value) -> PyResult<()> {
    {
        let mut d = data.borrow_mut();
        if d.state != State::Pending {
            drop(d);
            return Err(asyncio_error(vm, "InvalidStateError", "invalid state"));
        }
        d.result = v;
        d.state = State::Finished;
    }
    schedule_callbacks(vm, fut, data)
}

/// `_tulip.set_result_unless_cancelled(fut, result)`: the callback `asyncio.sleep` schedules,
/// CPython's `futures._set_result_unless_cancelled`. Native because every sleeping task runs it
/// once; a future of a subclass still goes through its own `cancelled` and `set_result`.
pub fn set_result_unless_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [fut, result] = args.pos else {
        return Err(vm.type_error(format!(
            "_set_result_unless_cancelled() takes 2 positional arguments but {} were given",
            args.pos.len()
        )));
    };
    let exact = is_exact_native(vm, fut);
    match future_data(fut) {
        Some(data) if exact => {
            if data.borrow().state == State::Cancelled {
                return Ok(Value::None);
            }
            set_result(vm, fut, data, result.clone())?;
        }
        _ => {
            let cancelled = vm.call_method(fut, intern("cancelled"), &[])?;
            if !vm.truthy(&cancelled)? {
                vm.call_method(fut, intern("set_result"), std::slice::from_ref(result))?;
            }
        }
    }
    Ok(Value::None)
}

pub fn set_exception(
    vm: &mut Vm,
    fut: &Value,
    data: &RefCell<FutureData>,
    exc: Value,
) -> PyResult<()> {
    if data.borrow().state != State::Pending {
        return Err(asyncio_error(vm, "InvalidStateError", "invalid state"));
    }
    let exc = match &exc {
        Value::Class(c) if c.is_subclass_of(&vm.types.base_exception) => {
            let made = vm.call(&exc, &[])?;
            if data.borrow().state != State::Pending {
                return Err(asyncio_error(vm, "InvalidStateError", "invalid state"));
            }
            made
        }
        _ => exc,
    };
    let Some(err) = as_err(&exc) else {
        return Err(vm.type_error("invalid exception object"));
    };
    if Rc::ptr_eq(&err.exc.class, &vm.types.stop_iteration) {
        return Err(vm.type_error(
            "StopIteration interacts badly with generators and cannot be raised into a Future",
        ));
    }
    {
        let mut d = data.borrow_mut();
        d.rare().exception = exc.clone();
        d.state = State::Finished;
    }
    schedule_callbacks(vm, fut, data)?;
    data.borrow_mut().log_traceback = true;
    if let Value::Instance(i) = fut {
        super::native::track_future(vm, i, &err)?;
    }
    Ok(())
}

/// The `CancelledError` to raise for a cancelled future.
pub fn make_cancelled_error(vm: &mut Vm, data: &RefCell<FutureData>) -> PyErr {
    let (saved, msg) = {
        let mut d = data.borrow_mut();
        (d.take_cancelled_exc(), d.cancel_message())
    };
    if let Some(e) = as_err(&saved) {
        return e;
    }
    let made = asyncio_global(vm, "CancelledError").and_then(|cls| {
        if msg.is_none() {
            vm.call(&cls, &[])
        } else {
            vm.call(&cls, &[msg])
        }
    });
    match made {
        Ok(v) => as_err(&v).unwrap_or_else(|| vm.runtime_error("bad CancelledError")),
        Err(e) => e,
    }
}

/// `Future.result()`.
pub fn result(vm: &mut Vm, fut: &Value, data: &RefCell<FutureData>) -> PyResult<Value> {
    let state = data.borrow().state;
    match state {
        State::Cancelled => Err(make_cancelled_error(vm, data)),
        State::Pending => Err(asyncio_error(vm, "InvalidStateError", "Result is not set.")),
        State::Finished => {
            untrack(vm, fut, data);
            let d = data.borrow();
            match as_err(&d.exception()) {
                Some(e) => Err(e),
                None => Ok(d.result.clone()),
            }
        }
    }
}

pub fn add_done_callback(
    vm: &mut Vm,
    fut: &Value,
    data: &RefCell<FutureData>,
    cb: Value,
) -> PyResult<()> {
    let (pending, event_loop) = {
        let d = data.borrow();
        (d.state == State::Pending, d.event_loop.clone())
    };
    if pending {
        data.borrow_mut().callbacks.push(cb);
        Ok(())
    } else {
        call_soon(vm, &event_loop, cb, Rc::new([fut.clone()]))
    }
}

/// `fut.add_done_callback(task.__wakeup)` for a native future, without making the
/// `task_wakeup` builtin when it is the first callback of a pending future.
pub fn add_task_wakeup(
    vm: &mut Vm,
    fut: &Value,
    data: &RefCell<FutureData>,
    task: &Value,
) -> PyResult<()> {
    {
        let mut d = data.borrow_mut();
        if let (State::Pending, true, Value::Instance(task)) = (d.state, d.has_no_callbacks(), task)
        {
            d.callbacks = Callbacks::Waiter(task.clone());
            return Ok(());
        }
    }
    add_done_callback(vm, fut, data, super::tasks::wakeup_for(task))
}

/// The done-callbacks in order, as `_callbacks` and `repr` show them.
fn callback_list(d: &FutureData) -> Vec<Value> {
    d.callbacks.to_list()
}

/// `Future.__init__(loop)`: the given loop, else the current one.
pub fn init(vm: &mut Vm, data: &RefCell<FutureData>, event_loop: Option<Value>) -> PyResult<()> {
    let event_loop = match event_loop {
        Some(l) if !l.is_none() => l,
        _ => {
            let get = asyncio_global(vm, "_get_event_loop")?;
            vm.call(&get, &[])?
        }
    };
    let mut d = data.borrow_mut();
    d.event_loop = event_loop;
    Ok(())
}

/// The loop of any future-like object (CPython's `get_future_loop`; `futures._get_loop`).
pub fn future_loop(vm: &mut Vm, fut: &Value) -> PyResult<Value> {
    if is_exact_native(vm, fut) {
        if let Some(d) = future_data(fut) {
            return Ok(d.borrow().event_loop.clone());
        }
    }
    match vm.get_attr_opt(fut, sym::GET_LOOP)? {
        Some(get) => vm.call(&get, &[]),
        None => vm.get_attr(fut, sym::LOOP_ATTR),
    }
}

/// Is `v` a `Future` of the native class itself (not a task, nor of a subclass)?
pub fn is_exact_future(vm: &Vm, v: &Value) -> bool {
    match (v, &vm.asyncio.classes) {
        (Value::Instance(i), Some(c)) => Rc::ptr_eq(&i.class, &c.future),
        _ => false,
    }
}

/// Is `v` a `Future` or `Task` of the native classes themselves (not of a subclass, which may
/// override any method)?
pub fn is_exact_native(vm: &Vm, v: &Value) -> bool {
    match (v, &vm.asyncio.classes) {
        (Value::Instance(i), Some(c)) => {
            Rc::ptr_eq(&i.class, &c.future) || Rc::ptr_eq(&i.class, &c.task)
        }
        _ => false,
    }
}

/// `asyncio._get_loop(fut)`.
pub fn get_loop_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos {
        [fut] => future_loop(vm, fut),
        _ => Err(vm.type_error(format!(
            "_get_loop() takes 1 positional argument but {} were given",
            args.pos.len()
        ))),
    }
}

/// `asyncio.isfuture(obj)`, as `base_futures.isfuture`:
/// `hasattr(obj.__class__, '_asyncio_future_blocking') and obj._asyncio_future_blocking is not
/// None`.
pub fn isfuture(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [obj] = args.pos else {
        return Err(vm.type_error(format!(
            "isfuture() takes 1 positional argument but {} were given",
            args.pos.len()
        )));
    };
    if is_exact_native(vm, obj) {
        return Ok(Value::TRUE);
    }
    // Native futures' classes have the attribute (a descriptor on CPython's C type); tulip
    // serves it from the instance payload.
    let class = Value::Class(vm.class_of(obj));
    if future_data(obj).is_none()
        && vm
            .get_attr_opt(&class, sym::ASYNCIO_FUTURE_BLOCKING)?
            .is_none()
    {
        return Ok(Value::FALSE);
    }
    let blocking = vm.get_attr(obj, sym::ASYNCIO_FUTURE_BLOCKING)?;
    Ok(Value::bool(!blocking.is_none()))
}

// ----- Python-facing methods ------------------------------------------------------------------

/// `Future(loop=event_loop)` of the native class, without a trip through `type.__call__`
/// (`loop.create_future()`, `asyncio.sleep`).
pub fn new_future(vm: &mut Vm, event_loop: &Value) -> PyResult<Value> {
    let Some(cls) = vm.asyncio.classes.as_ref().map(|c| c.future.clone()) else {
        return Err(vm.runtime_error("asyncio is not initialised"));
    };
    let fut = Value::Instance(Rc::new(Instance::new(
        cls,
        Payload::Asyncio(AsyncioObject::Future(Box::new(RefCell::new(
            FutureData::new(None),
        )))),
    )));
    if let Some(data) = future_data(&fut) {
        init(vm, data, Some(event_loop.clone()))?;
    }
    Ok(fut)
}

/// A new, uninitialised instance of the native `Task` class (its `__init__` still to run).
pub fn new_task_instance(vm: &Vm) -> PyResult<Value> {
    let Some(cls) = vm.asyncio.classes.as_ref().map(|c| c.task.clone()) else {
        return Err(vm.runtime_error("asyncio is not initialised"));
    };
    Ok(Value::Instance(Rc::new(Instance::new(
        cls,
        Payload::Asyncio(AsyncioObject::Future(Box::new(RefCell::new(
            FutureData::new(Some(Box::default())),
        )))),
    ))))
}

fn future_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(vm.type_error("Future.__new__(X): X is not a type object"));
    };
    let task = if vm
        .asyncio
        .classes
        .as_ref()
        .is_some_and(|c| cls.is_subclass_of(&c.task))
    {
        Some(Box::default())
    } else {
        None
    };
    Ok(Value::Instance(Rc::new(Instance::new(
        cls.clone(),
        Payload::Asyncio(AsyncioObject::Future(Box::new(RefCell::new(
            FutureData::new(task),
        )))),
    ))))
}

fn future_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "__init__")?;
    if args.pos.len() > 1 {
        return Err(vm.type_error(format!(
            "Future.__init__() takes 0 positional arguments but {} were given",
            args.pos.len() - 1
        )));
    }
    for (k, _) in args.kw {
        if k.as_str() != "loop" {
            return Err(vm.type_error(format!(
                "Future.__init__() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    init(vm, data, param(&args, usize::MAX, sym::LOOP))?;
    Ok(Value::None)
}

fn future_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fut = args.pos.first().cloned().unwrap_or(Value::None);
    let is_task = future_data(&fut).is_some_and(|d| d.borrow().task.is_some());
    let f = asyncio_global(
        vm,
        if is_task {
            "_task_repr"
        } else {
            "_future_repr"
        },
    )?;
    vm.call(&f, &[fut])
}

fn future_get_loop(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "get_loop")?;
    let l = data.borrow().event_loop.clone();
    if l.is_none() {
        return Err(vm.runtime_error("Future object is not initialized."));
    }
    Ok(l)
}

fn future_make_cancelled_error(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "_make_cancelled_error")?;
    Ok(make_cancelled_error(vm, data).value())
}

fn future_cancel_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "cancel")?;
    let msg = param_named(&args, 1, "msg").unwrap_or(Value::None);
    let fut = args.pos[0].clone();
    if data.borrow().task.is_some() {
        return super::tasks::cancel(vm, &fut, data, msg).map(Value::bool);
    }
    cancel(vm, &fut, data, msg).map(Value::bool)
}

fn future_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "cancelled")?;
    let s = data.borrow().state;
    Ok(Value::bool(s == State::Cancelled))
}

fn future_done(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "done")?;
    let s = data.borrow().state;
    Ok(Value::bool(s != State::Pending))
}

fn future_result(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "result")?;
    result(vm, &args.pos[0], data)
}

fn future_exception(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "exception")?;
    exception(vm, &args.pos[0], data)
}

/// `Future.exception()`.
pub fn exception(vm: &mut Vm, fut: &Value, data: &RefCell<FutureData>) -> PyResult<Value> {
    let state = data.borrow().state;
    match state {
        State::Cancelled => Err(make_cancelled_error(vm, data)),
        State::Pending => Err(asyncio_error(
            vm,
            "InvalidStateError",
            "Exception is not set.",
        )),
        State::Finished => {
            untrack(vm, fut, data);
            let e = data.borrow().exception();
            Ok(e)
        }
    }
}

/// `add_done_callback(fn, /, *, context=None)`, checked in the order of CPython's argument
/// parser (total count, positional count, then keyword names).
fn future_add_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "add_done_callback")?;
    let nargs = args.pos.len() - 1;
    let given = nargs + args.kw.len();
    if given > 2 {
        let keyword = if nargs == 0 { "keyword " } else { "" };
        return Err(vm.type_error(format!(
            "add_done_callback() takes at most 2 {keyword}arguments ({given} given)"
        )));
    }
    if nargs != 1 {
        return Err(vm.type_error(format!(
            "add_done_callback() takes exactly 1 positional argument ({nargs} given)"
        )));
    }
    if let Some((name, _)) = args.kw.iter().find(|(k, _)| *k != sym::CONTEXT_KW) {
        return Err(vm.type_error(format!(
            "'{}' is an invalid keyword argument for add_done_callback()",
            name.as_str()
        )));
    }
    add_done_callback(vm, &args.pos[0], data, args.pos[1].clone())?;
    Ok(Value::None)
}

/// `remove_done_callback(fn, /)`.
fn future_remove_done_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "remove_done_callback")?;
    // (Task has its own copy of the method in CPython, named for it.)
    let owner = if data.borrow().task.is_some() {
        "Task"
    } else {
        "Future"
    };
    if !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "{owner}.remove_done_callback() takes no keyword arguments"
        )));
    }
    let [_, target] = args.pos else {
        return Err(vm.type_error(format!(
            "{owner}.remove_done_callback() takes exactly one argument ({} given)",
            args.pos.len() - 1
        )));
    };
    let target = target.clone();
    let callbacks = data.borrow().callbacks.to_list();
    let count = callbacks.len();
    let mut kept = Vec::with_capacity(count);
    for cb in callbacks {
        // A task's wake-up matches the one `_callbacks` showed for it.
        let same = cb.is(&target)
            || super::tasks::wakeup_task(&cb)
                .is_some_and(|t| super::tasks::is_wakeup_of(&target, t))
            || vm.eq(&cb, &target)?;
        if !same {
            kept.push(cb);
        }
    }
    let removed = count - kept.len();
    if removed > 0 {
        data.borrow_mut().callbacks = Callbacks::from_list(kept);
    }
    Ok(Value::Int(removed as i64))
}

fn future_set_result_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "set_result")?;
    if data.borrow().task.is_some() {
        return Err(vm.runtime_error("Task does not support set_result operation"));
    }
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    set_result(vm, &args.pos[0], data, v)?;
    Ok(Value::None)
}

fn future_set_exception_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "set_exception")?;
    if data.borrow().task.is_some() {
        return Err(vm.runtime_error("Task does not support set_exception operation"));
    }
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    set_exception(vm, &args.pos[0], data, v)?;
    Ok(Value::None)
}

fn future_await(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "__await__")?;
    future_iter(vm, &args.pos[0])
}

fn future_iter(vm: &Vm, fut: &Value) -> PyResult<Value> {
    let class = match &vm.asyncio.classes {
        Some(c) => c.future_iter.clone(),
        None => return Err(vm.runtime_error("asyncio is not initialised")),
    };
    Ok(Value::Instance(Rc::new(Instance::new(
        class,
        Payload::Asyncio(AsyncioObject::FutureIter(Box::new(RefCell::new(
            fut.clone(),
        )))),
    ))))
}

/// Attributes the Python half reads (`_state`, `_result`, `_callbacks`, ...).
pub fn future_attr(data: &RefCell<FutureData>, name: Symbol) -> Option<Value> {
    // Mutable: a task formats its default name on first read.
    let mut d = data.borrow_mut();
    if name == sym::ASYNCIO_FUTURE_BLOCKING {
        return Some(Value::bool(d.blocking));
    }
    Some(match name.as_str() {
        "_state" => Value::str(d.state.name()),
        "_result" => d.result.clone(),
        "_exception" => d.exception(),
        "_loop" => d.event_loop.clone(),
        // (CPython's C futures show None rather than an empty list.)
        "_callbacks" if d.has_no_callbacks() => Value::None,
        "_callbacks" => Value::list(callback_list(&d)),
        "_cancel_message" => d.cancel_message(),
        "_log_traceback" => Value::bool(d.log_traceback),
        "_source_traceback" => Value::None,
        _ => return super::tasks::task_attr(d.task.as_deref_mut()?, name),
    })
}

/// Attribute assignments that change native state; false for the rest (they go to `__dict__`).
pub fn set_future_attr(
    vm: &mut Vm,
    fut: &Value,
    data: &RefCell<FutureData>,
    name: Symbol,
    value: &Value,
) -> PyResult<bool> {
    if name == sym::ASYNCIO_FUTURE_BLOCKING {
        let b = vm.truthy(value)?;
        data.borrow_mut().blocking = b;
        return Ok(true);
    }
    match name.as_str() {
        "_log_traceback" => {
            if vm.truthy(value)? {
                return Err(vm.value_error("_log_traceback can only be set to False"));
            }
            untrack(vm, fut, data);
            Ok(true)
        }
        "_log_destroy_pending" => {
            let b = vm.truthy(value)?;
            if let Some(t) = data.borrow_mut().task.as_mut() {
                t.log_destroy_pending = b;
                return Ok(true);
            }
            Ok(false)
        }
        _ => Ok(false),
    }
}

// ----- the await iterator ---------------------------------------------------------------------

fn iter_cell(v: &Value) -> Option<&RefCell<Value>> {
    match v {
        Value::Instance(i) => match i.payload.asyncio() {
            Some(AsyncioObject::FutureIter(c)) => Some(c),
            _ => None,
        },
        _ => None,
    }
}

pub fn is_future_iter(v: &Value) -> bool {
    iter_cell(v).is_some()
}

/// One step of a `FutureIter` (`fut.__await__()`): `await_step` on its future, which it
/// forgets once that is done.
pub fn future_iter_step(vm: &mut Vm, it: &Value, resume: Resume) -> PyResult<SendResult> {
    let Some(cell) = iter_cell(it) else {
        return Err(vm.type_error("not a FutureIter"));
    };
    let fut = cell.borrow().clone();
    let done = future_data(&fut).is_some_and(|d| d.borrow().state != State::Pending);
    if done && matches!(resume, Resume::Send(_)) {
        *cell.borrow_mut() = Value::None;
    }
    await_step(vm, &fut, resume)
}

/// One step of `await fut` (CPython's `FutureIter_iternext`): yield the future while it is
/// pending (once: the future's own `_asyncio_future_blocking` flag says whether it was),
/// then return its result or raise its exception. All the state is in the future, so `await`
/// on an exact native future sends to the future itself, without a `FutureIter`.
pub fn await_step(vm: &mut Vm, fut: &Value, resume: Resume) -> PyResult<SendResult> {
    match resume {
        Resume::Throw(e) => Err(e),
        // The value sent is ignored, as CPython's `FutureIter_send` does.
        Resume::Send(_) => {
            let Some(data) = future_data(fut) else {
                return Ok(SendResult::Returned(Value::None));
            };
            if data.borrow().state == State::Pending {
                let mut d = data.borrow_mut();
                if !d.blocking {
                    d.blocking = true;
                    return Ok(SendResult::Yielded(fut.clone()));
                }
                drop(d);
                return Err(vm.runtime_error("await wasn't used with future"));
            }
            result(vm, fut, data).map(SendResult::Returned)
        }
    }
}

fn iter_self(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn finish_step(vm: &mut Vm, r: PyResult<SendResult>) -> PyResult<Value> {
    match r? {
        SendResult::Yielded(v) => Ok(v),
        SendResult::Returned(v) => Err(vm.stop_iteration(v)),
    }
}

fn iter_next(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    let r = future_iter_step(vm, &it, Resume::Send(Value::None));
    finish_step(vm, r)
}

fn iter_send(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let it = args.pos.first().cloned().unwrap_or(Value::None);
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let r = future_iter_step(vm, &it, Resume::Send(v));
    finish_step(vm, r)
}

fn iter_throw(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let typ = args.pos.get(1).cloned().unwrap_or(Value::None);
    let err = crate::runtime::generators::make_thrown(vm, &typ, args.pos.get(2))?;
    Err(err)
}

fn iter_close(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(cell) = args.pos.first().and_then(iter_cell) {
        *cell.borrow_mut() = Value::None;
    }
    Ok(Value::None)
}
