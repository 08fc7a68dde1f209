//! The event loop's scheduling core, in Rust: `Handle` and `TimerHandle`, the ready queue (FIFO)
//! and the timer queue, and one loop iteration (`_run_once`) in CPython's order — cancelled
//! timers at the head are dropped, the loop waits for the first deadline if nothing is ready,
//! due timers move to the ready queue, then exactly the callbacks that were ready when the
//! iteration began run. `BaseEventLoop` (asyncio.py) subclasses `_tulip.LoopCore` and keeps
//! the rest of the loop (running, stopping, closing, exception handlers) in Python.
//!
//! Timers order by deadline, then by creation: on CPython's real clock two `call_later`s never
//! get the same deadline, so creation order is what a program observes there too.

use std::cell::{Cell, RefCell};
use std::cmp::Ordering;
use std::collections::VecDeque;
use std::rc::Rc;

use super::timer_queue::{prefetch, TimerQueue, Warm};

use super::AsyncioObject;
use crate::runtime::types::{install, new_class};
use crate::syntax::ast::BinOp;
use crate::vm::object::{
    type_epoch, Args, BuiltinFn, Class, GenBody, Generator, Instance, Layout, Payload,
};
use crate::vm::symbol::{intern, sym, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// Compaction threshold of the timer queue, as CPython's `_MIN_SCHEDULED_TIMER_HANDLES`.
const MIN_SCHEDULED_FOR_COMPACTION: usize = 100;

/// A callback scheduled on a loop: `Handle` (ready queue) or `TimerHandle` (timer queue).
pub struct HandleData {
    callback: Value,
    args: Rc<[Value]>,
    cancelled: bool,
    event_loop: Value,
    timer: Option<TimerData>,
}

struct TimerData {
    /// The deadline as given (`_when`, shown by `repr`), and as a number for ordering.
    when_value: Value,
    when: f64,
    /// In the timer queue (CPython's `_scheduled`), so cancelling it counts towards compaction.
    scheduled: bool,
}

/// An entry of the ready queue: a `Handle` that Python code may hold (from `call_soon`, or a due
/// timer), or a callback scheduled by the native futures and tasks (done-callbacks, task steps
/// and wake-ups), which nothing can see or cancel. CPython makes a `Handle` for those too; here
/// one is made only if the callback fails and the exception handler is to be given it.
enum Ready {
    Handle(Rc<Instance>),
    /// Boxed, so that the common entries below fit in three words.
    Internal(Box<(Value, Rc<[Value]>)>),
    /// A task's next step with nothing to throw in: the commonest entry, kept to the task
    /// itself (its `TaskStepMethWrapper` is made only if the step fails).
    TaskStep(Rc<Instance>),
    /// The wake-up of a task whose awaited future is done: `task.__wakeup(future)`.
    TaskWakeup(Rc<Instance>, Rc<Instance>),
    /// A due `asyncio.sleep` timer: `_set_result_unless_cancelled(future, None)`...
    SleepDone(Rc<Instance>),
    /// ... or with another result.
    SleepDoneWithResult(Box<(Rc<Instance>, Value)>),
    /// A due lazy `asyncio.sleep` timer (see `TimerTarget::LazySleep`).
    LazySleepDone(Rc<Generator>),
    /// The wake-up of a task whose lazy sleep is over: `task.__wakeup(future)` with the
    /// sleep's future, made only if the step fails and the error report shows it.
    LazySleepWakeup(Rc<Instance>, Rc<Generator>),
}

// A million tasks starting at once are a million entries.
const _: () = assert!(std::mem::size_of::<Ready>() == 24);

/// The native state of a `BaseEventLoop`.
#[derive(Default)]
pub struct LoopCore {
    ready: RefCell<VecDeque<Ready>>,
    timers: RefCell<TimerQueue<Timer>>,
    cancelled_timers: Cell<usize>,
    next_seq: Cell<u64>,
    /// The type epoch at which the loop's class was last seen to keep tulip's own
    /// `create_future` and `call_later` (0: not yet), so that a sleep need not look them up.
    native_sleep_epoch: Cell<u64>,
}

struct Timer {
    when: f64,
    seq: u64,
    target: TimerTarget,
}

/// What a timer does when due.
enum TimerTarget {
    /// Queue a `TimerHandle` (from `call_later`/`call_at`).
    Handle(Rc<Instance>),
    /// Wake an `asyncio.sleep` (see `sleep_future`), whose result is None...
    Sleep(Rc<Instance>),
    /// ... or something else (`sleep(d, result)`, rare: boxed to keep timers small).
    SleepWithResult(Box<(Rc<Instance>, Value)>),
    /// Wake the task an `asyncio.sleep(delay)` coroutine without a future stands in for
    /// (asyncio::sleep's lazy path): the timer acts on the coroutine's body, or on the future
    /// it was given later (`GenBody::SleepMaterialized`).
    LazySleep(Rc<Generator>),
}

impl TimerTarget {
    /// A cancelled handle, or the future of a sleep that is already over (cancelled): the
    /// timer has nothing left to do.
    fn is_dead(&self) -> bool {
        match self {
            TimerTarget::Handle(h) => is_cancelled(h),
            TimerTarget::Sleep(f) => sleep_is_over(f),
            TimerTarget::SleepWithResult(b) => sleep_is_over(&b.0),
            TimerTarget::LazySleep(g) => g.with_body(|body| match body {
                GenBody::SleepTimer(_) | GenBody::SleepDue(_) => false,
                GenBody::SleepMaterialized(f) => sleep_is_over(f),
                // The coroutine was closed before it materialized: nothing to wake.
                _ => true,
            }),
        }
    }

    /// Out of the timer queue (CPython's `handle._scheduled = False`).
    fn unschedule(&self) {
        match self {
            TimerTarget::Handle(h) => set_unscheduled(h),
            TimerTarget::Sleep(f) => disarm_sleep(f),
            TimerTarget::SleepWithResult(b) => disarm_sleep(&b.0),
            TimerTarget::LazySleep(g) => match g.body.take() {
                GenBody::SleepTimer(waiter) => g.body.set(GenBody::SleepDue(waiter)),
                body => {
                    if let GenBody::SleepMaterialized(f) = &body {
                        disarm_sleep(f);
                    }
                    g.body.set(body);
                }
            },
        }
    }

    /// A dead timer leaving the timer queue: was it counted in `cancelled_timers`?
    fn was_counted_cancelled(&self) -> bool {
        match self {
            // Only cancellation makes a handle dead, and `cancel` counted it.
            TimerTarget::Handle(_) => true,
            // Counted when the future was cancelled while the timer was armed.
            TimerTarget::Sleep(f) => sleep_cancelled(f),
            TimerTarget::SleepWithResult(b) => sleep_cancelled(&b.0),
            TimerTarget::LazySleep(g) => g.with_body(|body| match body {
                GenBody::SleepMaterialized(f) => sleep_cancelled(f),
                _ => false,
            }),
        }
    }

    fn into_ready(self) -> Ready {
        match self {
            TimerTarget::Handle(h) => Ready::Handle(h),
            TimerTarget::Sleep(f) => Ready::SleepDone(f),
            TimerTarget::SleepWithResult(b) => Ready::SleepDoneWithResult(b),
            TimerTarget::LazySleep(g) => Ready::LazySleepDone(g),
        }
    }
}

fn sleep_is_over(future: &Instance) -> bool {
    match future.payload.asyncio() {
        Some(AsyncioObject::Future(d)) => d.borrow().state != super::futures::State::Pending,
        _ => true,
    }
}

fn sleep_cancelled(future: &Instance) -> bool {
    match future.payload.asyncio() {
        Some(AsyncioObject::Future(d)) => d.borrow().state == super::futures::State::Cancelled,
        _ => false,
    }
}

fn disarm_sleep(future: &Instance) {
    if let Some(AsyncioObject::Future(d)) = future.payload.asyncio() {
        d.borrow_mut().sleep_timer_armed = false;
    }
}

/// A sleep future whose timer is still in the timer queue was cancelled: the timer now counts
/// towards the queue's compaction, as the `TimerHandle` CPython's `sleep` cancels in its
/// `finally`.
pub fn count_cancelled_timer(event_loop: &Value) {
    if let Some(core) = loop_core(event_loop) {
        core.cancelled_timers.set(core.cancelled_timers.get() + 1);
    }
}

impl Warm for Timer {
    type Context = super::tasks::AllTasks;

    /// Depth 0 is the target; a sleep's task and what its wake-up touches follow (tasks::warm).
    fn warm(&self, depth: usize, all_tasks: &super::tasks::AllTasks) {
        match &self.target {
            TimerTarget::LazySleep(g) => match depth {
                0 => prefetch(Rc::as_ptr(g)),
                _ => g.with_body(|body| {
                    if let GenBody::SleepTimer(Some(task)) = body {
                        super::tasks::warm(task, depth - 1, all_tasks);
                    }
                }),
            },
            TimerTarget::Handle(h) => match depth {
                0 => prefetch(Rc::as_ptr(h)),
                1 => {
                    if let Some(AsyncioObject::Handle(data)) = h.payload.asyncio() {
                        prefetch(&**data);
                    }
                }
                _ => {}
            },
            TimerTarget::Sleep(f) => match depth {
                0 => prefetch(Rc::as_ptr(f)),
                _ => super::futures::warm(f, depth - 1, all_tasks),
            },
            TimerTarget::SleepWithResult(_) => {}
        }
    }
}

impl PartialEq for Timer {
    fn eq(&self, other: &Timer) -> bool {
        self.cmp(other) == Ordering::Equal
    }
}

impl Eq for Timer {}

impl PartialOrd for Timer {
    fn partial_cmp(&self, other: &Timer) -> Option<Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Timer {
    /// Reversed, so that the timer queue (greatest first) pops the earliest deadline first.
    /// Equal deadlines (-0.0 and 0.0 too) go in creation order. A NaN deadline counts as the
    /// earliest, whatever its sign bit: CPython's `heapq` keeps a NaN pushed onto an empty heap
    /// at the top, where its loop runs it at once (deeper in the heap, where a NaN ends up
    /// depends on the heap's shape, which no order can follow).
    fn cmp(&self, other: &Timer) -> Ordering {
        let by_deadline = match (self.when.is_nan(), other.when.is_nan()) {
            (true, true) => Ordering::Equal,
            (true, false) => Ordering::Less,
            (false, true) => Ordering::Greater,
            (false, false) => self
                .when
                .partial_cmp(&other.when)
                .unwrap_or(Ordering::Equal),
        };
        by_deadline.then(self.seq.cmp(&other.seq)).reverse()
    }
}

/// The classes this module defines, kept so Rust can make handles.
pub struct EventClasses {
    pub handle: Rc<Class>,
    pub timer_handle: Rc<Class>,
    pub loop_core: Rc<Class>,
    pub future: Rc<Class>,
    pub future_iter: Rc<Class>,
    pub task: Rc<Class>,
}

pub fn make_classes(object: &Rc<Class>) -> EventClasses {
    let handle = new_class(
        "Handle",
        "asyncio.events",
        vec![object.clone()],
        Layout::Native,
        true,
    );
    install(
        &handle,
        "Handle",
        &[
            ("__new__", handle_new),
            ("__repr__", handle_repr),
            ("cancel", handle_cancel),
            ("cancelled", handle_cancelled),
            ("get_context", handle_get_context),
            ("_run", handle_run),
        ],
    );
    let timer_handle = new_class(
        "TimerHandle",
        "asyncio.events",
        vec![handle.clone()],
        Layout::Native,
        true,
    );
    install(
        &timer_handle,
        "TimerHandle",
        &[
            ("__new__", timer_handle_new),
            ("when", timer_when),
            ("__hash__", timer_hash),
            ("__eq__", timer_eq),
            ("__lt__", timer_lt),
            ("__le__", timer_le),
            ("__gt__", timer_gt),
            ("__ge__", timer_ge),
        ],
    );
    let loop_core = new_class(
        "LoopCore",
        "_tulip",
        vec![object.clone()],
        Layout::Native,
        true,
    );
    install(
        &loop_core,
        "LoopCore",
        &[
            ("__new__", loop_new),
            ("create_future", loop_create_future),
            ("_check_closed", loop_check_closed),
            ("create_task", loop_create_task),
            ("call_soon", loop_call_soon),
            ("call_later", loop_call_later),
            ("call_at", loop_call_at),
            ("time", loop_time),
            ("_run_once", loop_run_once),
            ("_run_until_stopping", loop_run_until_stopping),
            ("_clear_queues", loop_clear_queues),
        ],
    );
    let (future, future_iter) = super::futures::make_classes(object);
    let task = super::tasks::make_class(&future);
    EventClasses {
        handle,
        timer_handle,
        loop_core,
        future,
        future_iter,
        task,
    }
}

// ----- handles -------------------------------------------------------------------------------

fn handle_data(v: &Value) -> Option<&RefCell<HandleData>> {
    match v {
        Value::Instance(i) => match i.payload.asyncio() {
            Some(AsyncioObject::Handle(h)) => Some(h),
            _ => None,
        },
        _ => None,
    }
}

fn self_handle<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a RefCell<HandleData>> {
    args.pos
        .first()
        .and_then(handle_data)
        .ok_or_else(|| vm.type_error(format!("descriptor '{method}' requires a 'Handle' object")))
}

fn new_handle(class: &Rc<Class>, data: HandleData) -> Rc<Instance> {
    Rc::new(Instance::new(
        class.clone(),
        Payload::Asyncio(AsyncioObject::Handle(Box::new(RefCell::new(data)))),
    ))
}

fn handle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // Handle(callback, args, loop, context=None)
    let (cls, rest) = class_and_rest(vm, &args)?;
    let [callback, cb_args, event_loop] = rest else {
        return Err(vm.type_error("Handle() takes callback, args and loop"));
    };
    let cb_args = vm.collect(cb_args)?;
    Ok(Value::Instance(new_handle(
        &cls,
        HandleData {
            callback: callback.clone(),
            args: cb_args.into(),
            cancelled: false,
            event_loop: event_loop.clone(),
            timer: None,
        },
    )))
}

fn timer_handle_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // TimerHandle(when, callback, args, loop, context=None)
    let (cls, rest) = class_and_rest(vm, &args)?;
    let [when, callback, cb_args, event_loop] = rest else {
        return Err(vm.type_error("TimerHandle() takes when, callback, args and loop"));
    };
    let cb_args = vm.collect(cb_args)?;
    Ok(Value::Instance(new_handle(
        &cls,
        HandleData {
            callback: callback.clone(),
            args: cb_args.into(),
            cancelled: false,
            event_loop: event_loop.clone(),
            timer: Some(TimerData {
                when: deadline(vm, when)?,
                when_value: when.clone(),
                scheduled: false,
            }),
        },
    )))
}

fn class_and_rest<'a>(vm: &Vm, args: &'a Args) -> PyResult<(Rc<Class>, &'a [Value])> {
    match args.pos.split_first() {
        Some((Value::Class(c), rest)) => Ok((c.clone(), rest)),
        _ => Err(vm.type_error("__new__ needs a class")),
    }
}

/// `_format_callback`: `qualname(arg reprs)`.
pub fn format_callback(vm: &mut Vm, func: &Value, args: &[Value]) -> PyResult<String> {
    let mut name = None;
    for attr in [sym::QUALNAME, sym::NAME] {
        if let Some(v) = vm.get_attr_opt(func, attr)? {
            if vm.truthy(&v)? {
                name = Some(vm.to_str(&v)?);
                break;
            }
        }
    }
    let mut text = match name {
        Some(n) => n,
        None => vm.repr(func)?,
    };
    text.push('(');
    for (i, a) in args.iter().enumerate() {
        if i > 0 {
            text.push_str(", ");
        }
        text.push_str(&vm.repr(a)?);
    }
    text.push(')');
    Ok(text)
}

/// `_tulip.format_callback(func, args)`, for the Python half (future reprs).
pub fn format_callback_builtin(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let func = args.pos.first().cloned().unwrap_or(Value::None);
    let cb_args = match args.pos.get(1) {
        Some(v) if !v.is_none() => vm.collect(v)?,
        _ => vec![],
    };
    Ok(Value::string(format_callback(vm, &func, &cb_args)?))
}

fn handle_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = self_handle(vm, &args, "__repr__")?;
    let class_name = match &args.pos[0] {
        Value::Instance(i) => i.class.name.clone(),
        _ => String::new(),
    };
    let (cancelled, callback, cb_args, when) = {
        let d = h.borrow();
        (
            d.cancelled,
            d.callback.clone(),
            d.args.clone(),
            d.timer.as_ref().map(|t| t.when_value.clone()),
        )
    };
    let mut info = vec![class_name];
    if cancelled {
        info.push("cancelled".into());
    }
    if let Some(when) = when {
        info.push(format!("when={}", vm.to_str(&when)?));
    }
    if !callback.is_none() {
        info.push(format_callback(vm, &callback, &cb_args)?);
    }
    Ok(Value::string(format!("<{}>", info.join(" "))))
}

fn handle_cancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = self_handle(vm, &args, "cancel")?;
    cancel(h);
    Ok(Value::None)
}

/// Cancels a handle; a timer still in its loop's timer queue counts towards its compaction.
fn cancel(h: &RefCell<HandleData>) {
    let mut d = h.borrow_mut();
    if d.cancelled {
        return;
    }
    if let Some(t) = &d.timer {
        if t.scheduled {
            if let Some(core) = loop_core(&d.event_loop) {
                core.cancelled_timers.set(core.cancelled_timers.get() + 1);
            }
        }
    }
    d.cancelled = true;
    d.callback = Value::None;
    d.args = Rc::new([]);
}

fn handle_cancelled(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let h = self_handle(vm, &args, "cancelled")?;
    let cancelled = h.borrow().cancelled;
    Ok(Value::bool(cancelled))
}

fn handle_get_context(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_handle(vm, &args, "get_context")?;
    Ok(Value::None)
}

fn handle_run(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Instance(i)) if handle_data(&args.pos[0]).is_some() => {
            run_handle(vm, &i.clone())?;
            Ok(Value::None)
        }
        _ => Err(vm.type_error("descriptor '_run' requires a 'Handle' object")),
    }
}

/// `Handle._run`: calls the callback; an exception other than `SystemExit` and
/// `KeyboardInterrupt` goes to the loop's exception handler.
fn run_handle(vm: &mut Vm, handle: &Rc<Instance>) -> PyResult<()> {
    let Some(AsyncioObject::Handle(h)) = handle.payload.asyncio() else {
        return Ok(());
    };
    let (callback, cb_args, event_loop) = {
        let d = h.borrow();
        (d.callback.clone(), d.args.clone(), d.event_loop.clone())
    };
    let Err(err) = vm.call(&callback, &cb_args) else {
        return Ok(());
    };
    report_callback_error(vm, err, &event_loop, &callback, &cb_args, handle.clone())
}

/// Runs a callback the native futures and tasks scheduled (see `Ready::Internal`).
fn run_internal(
    vm: &mut Vm,
    event_loop: &Value,
    callback: &Value,
    args: &Rc<[Value]>,
) -> PyResult<()> {
    let Err(err) = vm.call(callback, args) else {
        return Ok(());
    };
    report_internal_error(vm, err, event_loop, callback, args)
}

/// An internal callback failed: report it as `Handle._run` would, with a `Handle` made now.
fn report_internal_error(
    vm: &mut Vm,
    err: crate::vm::PyErr,
    event_loop: &Value,
    callback: &Value,
    args: &[Value],
) -> PyResult<()> {
    let class = match &vm.asyncio.classes {
        Some(c) => c.handle.clone(),
        None => vm.types.object.clone(),
    };
    let handle = new_handle(
        &class,
        HandleData {
            callback: callback.clone(),
            args: args.into(),
            cancelled: false,
            event_loop: event_loop.clone(),
            timer: None,
        },
    );
    report_callback_error(vm, err, event_loop, callback, args, handle)
}

/// A callback raised: `SystemExit` and `KeyboardInterrupt` propagate, anything else goes to
/// the loop's exception handler, as `Handle._run` does.
fn report_callback_error(
    vm: &mut Vm,
    err: crate::vm::PyErr,
    event_loop: &Value,
    callback: &Value,
    cb_args: &[Value],
    handle: Rc<Instance>,
) -> PyResult<()> {
    let exc = err.value();
    let (exit, interrupt) = (
        vm.types.system_exit.clone(),
        vm.types.keyboard_interrupt.clone(),
    );
    if vm.isinstance(&exc, &exit) || vm.isinstance(&exc, &interrupt) {
        return Err(err);
    }
    let message = format!(
        "Exception in callback {}",
        format_callback(vm, callback, cb_args)?
    );
    let context = Value::dict(crate::runtime::dict::Dict::new());
    if let Value::Dict(d) = &context {
        vm.dict_set(d, Value::str("message"), Value::string(message))?;
        vm.dict_set(d, Value::str("exception"), exc)?;
        vm.dict_set(d, Value::str("handle"), Value::Instance(handle))?;
    }
    vm.call_method(event_loop, intern("call_exception_handler"), &[context])?;
    Ok(())
}

/// Attributes CPython's handles keep in `__dict__` (`_callback`, `_when`, ...).
pub fn handle_attr(h: &RefCell<HandleData>, name: Symbol) -> Option<Value> {
    let d = h.borrow();
    Some(match name.as_str() {
        "_callback" => d.callback.clone(),
        "_args" => {
            if d.cancelled {
                Value::None
            } else {
                Value::tuple(d.args.to_vec())
            }
        }
        "_cancelled" => Value::bool(d.cancelled),
        "_loop" => d.event_loop.clone(),
        "_context" | "_source_traceback" | "_repr" => Value::None,
        "_when" => d.timer.as_ref()?.when_value.clone(),
        "_scheduled" => Value::bool(d.timer.as_ref()?.scheduled),
        _ => return None,
    })
}

fn timer_data<R>(vm: &Vm, v: &Value, f: impl FnOnce(&TimerData) -> R) -> PyResult<R> {
    match handle_data(v).map(|h| h.borrow()) {
        Some(d) => match &d.timer {
            Some(t) => Ok(f(t)),
            None => Err(vm.type_error("a 'TimerHandle' object is required")),
        },
        None => Err(vm.type_error("a 'TimerHandle' object is required")),
    }
}

fn timer_when(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    timer_data(vm, &this, |t| t.when_value.clone())
}

fn timer_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let when = timer_data(vm, &this, |t| t.when_value.clone())?;
    Ok(Value::Int(vm.hash(&when)?))
}

/// The two deadlines, or `None` when `other` is not a timer (`NotImplemented`).
fn both_deadlines(vm: &Vm, args: &Args) -> PyResult<Option<(f64, f64)>> {
    let this = args.pos.first().cloned().unwrap_or(Value::None);
    let other = args.pos.get(1).cloned().unwrap_or(Value::None);
    let a = timer_data(vm, &this, |t| t.when)?;
    let b = match handle_data(&other).map(|h| h.borrow().timer.as_ref().map(|t| t.when)) {
        Some(Some(b)) => b,
        _ => return Ok(None),
    };
    Ok(Some((a, b)))
}

fn timer_compare(
    vm: &mut Vm,
    args: Args,
    test: fn(f64, f64) -> bool,
    or_eq: bool,
) -> PyResult<Value> {
    let Some((a, b)) = both_deadlines(vm, &args)? else {
        return Ok(Value::NotImplemented);
    };
    if test(a, b) {
        return Ok(Value::TRUE);
    }
    if or_eq {
        return timer_eq(vm, args);
    }
    Ok(Value::FALSE)
}

fn timer_lt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    timer_compare(vm, args, |a, b| a < b, false)
}

fn timer_le(vm: &mut Vm, args: Args) -> PyResult<Value> {
    timer_compare(vm, args, |a, b| a < b, true)
}

fn timer_gt(vm: &mut Vm, args: Args) -> PyResult<Value> {
    timer_compare(vm, args, |a, b| a > b, false)
}

fn timer_ge(vm: &mut Vm, args: Args) -> PyResult<Value> {
    timer_compare(vm, args, |a, b| a > b, true)
}

/// Same deadline, callback, arguments and cancellation state.
fn timer_eq(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some((a, b)) = both_deadlines(vm, &args)? else {
        return Ok(Value::NotImplemented);
    };
    if a != b {
        return Ok(Value::FALSE);
    }
    let parts = |v: &Value| {
        let d = handle_data(v).map(|h| h.borrow());
        d.map(|d| {
            (
                d.callback.clone(),
                Value::tuple(d.args.to_vec()),
                d.cancelled,
            )
        })
    };
    let (Some((cb1, args1, c1)), Some((cb2, args2, c2))) =
        (parts(&args.pos[0]), parts(&args.pos[1]))
    else {
        return Ok(Value::NotImplemented);
    };
    Ok(Value::bool(
        c1 == c2 && vm.eq(&cb1, &cb2)? && vm.eq(&args1, &args2)?,
    ))
}

// ----- the loop core -------------------------------------------------------------------------

fn loop_core(v: &Value) -> Option<&LoopCore> {
    match v {
        Value::Instance(i) => match i.payload.asyncio() {
            Some(AsyncioObject::Loop(core)) => Some(core),
            _ => None,
        },
        _ => None,
    }
}

fn next_seq(core: &LoopCore) -> u64 {
    let seq = core.next_seq.get();
    core.next_seq.set(seq + 1);
    seq
}

fn self_loop<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<(&'a Value, &'a LoopCore)> {
    match args.pos.first() {
        Some(v) => match loop_core(v) {
            Some(core) => Ok((v, core)),
            None => Err(vm.type_error(format!(
                "descriptor '{method}' requires an event loop object"
            ))),
        },
        None => Err(vm.type_error(format!("{method}() needs an event loop"))),
    }
}

fn loop_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (cls, _) = class_and_rest(vm, &args)?;
    Ok(Value::Instance(Rc::new(Instance::new(
        cls,
        Payload::Asyncio(AsyncioObject::Loop(Box::default())),
    ))))
}

/// A flag the Python half keeps in the loop's `__dict__` (`_closed`, `_stopping`).
fn loop_flag(vm: &mut Vm, event_loop: &Value, name: Symbol) -> PyResult<bool> {
    let Value::Instance(i) = event_loop else {
        return Ok(false);
    };
    match crate::runtime::instdict::get(i, name) {
        Some(v) => vm.truthy(&v),
        None => Ok(false),
    }
}

fn check_closed(vm: &mut Vm, event_loop: &Value) -> PyResult<()> {
    if loop_flag(vm, event_loop, sym::CLOSED_FLAG)? {
        return Err(vm.runtime_error("Event loop is closed"));
    }
    Ok(())
}

/// `context=` is accepted (tulip has no contextvars); any other keyword is an error.
fn check_context_kw(vm: &Vm, args: &Args, method: &str) -> PyResult<()> {
    for (k, _) in args.kw {
        if *k != sym::CONTEXT_KW {
            return Err(vm.type_error(format!(
                "BaseEventLoop.{method}() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    Ok(())
}

fn missing(vm: &Vm, method: &str, names: &[&str]) -> crate::vm::PyErr {
    let quoted: Vec<String> = names.iter().map(|n| format!("'{n}'")).collect();
    let list = match quoted.as_slice() {
        [one] => one.clone(),
        [a, b] => format!("{a} and {b}"),
        _ => quoted.join(", "),
    };
    vm.type_error(format!(
        "BaseEventLoop.{method}() missing {} required positional argument{}: {list}",
        names.len(),
        if names.len() == 1 { "" } else { "s" }
    ))
}

/// Whether `event_loop` is one of tulip's loops whose `create_future` is the native one
/// (not overridden), so that Rust may make its futures directly.
pub fn creates_native_futures(event_loop: &Value) -> bool {
    loop_core(event_loop).is_some()
        && has_native_method(event_loop, sym::CREATE_FUTURE, loop_create_future)
}

/// Whether `event_loop` is one of tulip's loops whose `create_future` and `call_later` are the
/// native ones, so that a sleep may arm its timer directly. The class's answer is kept until
/// some class changes; the instance's attributes are looked at every time.
fn sleeps_natively(event_loop: &Value) -> bool {
    let (Some(core), Value::Instance(i)) = (loop_core(event_loop), event_loop) else {
        return false;
    };
    use crate::runtime::instdict::contains;
    if contains(i, sym::CREATE_FUTURE) || contains(i, sym::CALL_LATER) {
        return false;
    }
    let epoch = type_epoch();
    if core.native_sleep_epoch.get() == epoch {
        return true;
    }
    let native = class_has_native(event_loop, sym::CREATE_FUTURE, loop_create_future)
        && class_has_native(event_loop, sym::CALL_LATER, loop_call_later);
    if native {
        core.native_sleep_epoch.set(epoch);
    }
    native
}

fn has_native_method(event_loop: &Value, name: Symbol, func: BuiltinFn) -> bool {
    if let Value::Instance(i) = event_loop {
        // `loop.create_future = ...` on the instance wins over the class's.
        if crate::runtime::instdict::contains(i, name) {
            return false;
        }
    }
    class_has_native(event_loop, name, func)
}

/// Whether the loop's class has tulip's own `func` under `name` (the instance may still
/// shadow it: `has_native_method` looks there too).
fn class_has_native(event_loop: &Value, name: Symbol, func: BuiltinFn) -> bool {
    matches!(loop_method(event_loop, name),
        Some(Value::Builtin(b)) if std::ptr::fn_addr_eq(b.func, func))
}

fn loop_method(event_loop: &Value, name: Symbol) -> Option<Value> {
    match event_loop {
        Value::Instance(i) => i.class.lookup(name),
        _ => None,
    }
}

fn loop_check_closed(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "_check_closed")?;
    check_closed(vm, event_loop)?;
    Ok(Value::None)
}

/// `loop.create_future()`: `Future(loop=self)`.
fn loop_create_future(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "create_future")?;
    if args.pos.len() > 1 || !args.kw.is_empty() {
        return Err(vm.type_error(format!(
            "BaseEventLoop.create_future() takes 1 positional argument but {} were given",
            args.pos.len() + args.kw.len()
        )));
    }
    super::futures::new_future(vm, event_loop)
}

/// `event_loop.create_task(coro)`, without the method look-up and call when the loop's
/// `create_task` is the native one.
pub fn call_loop_create_task(vm: &mut Vm, event_loop: &Value, coro: Value) -> PyResult<Value> {
    match loop_method(event_loop, sym::CREATE_TASK) {
        Some(Value::Builtin(b)) if std::ptr::fn_addr_eq(b.func, loop_create_task as BuiltinFn) => {
            let pos = [event_loop.clone(), coro];
            loop_create_task(
                vm,
                Args {
                    pos: &pos,
                    kw: &[],
                    data: &Value::None,
                },
            )
        }
        _ => vm.call_method(event_loop, sym::CREATE_TASK, &[coro]),
    }
}

/// `loop.create_task(coro, *, name=None, context=None)`, as `BaseEventLoop.create_task`:
/// `Task(coro, loop=self, ...)`, or the task factory's result named with `_set_task_name`.
fn loop_create_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "create_task")?;
    let (Some(coro), 2) = (args.pos.get(1), args.pos.len()) else {
        return Err(match args.pos.len() {
            1 => missing(vm, "create_task", &["coro"]),
            n => vm.type_error(format!(
                "BaseEventLoop.create_task() takes 2 positional arguments but {n} were given"
            )),
        });
    };
    let mut name = Value::None;
    let mut context = Value::None;
    for (k, v) in args.kw {
        match k.as_str() {
            "name" => name = v.clone(),
            "context" => context = v.clone(),
            other => {
                return Err(vm.type_error(format!(
                    "BaseEventLoop.create_task() got an unexpected keyword argument '{other}'"
                )))
            }
        }
    }
    // `self._check_closed()`, natively unless a subclass overrides it.
    match loop_method(event_loop, sym::CHECK_CLOSED) {
        // (Only tulip's own builtin has this name: Python code cannot make a builtin.)
        Some(Value::Builtin(b)) if b.name == "_check_closed" => check_closed(vm, event_loop)?,
        _ => {
            vm.call_method(event_loop, sym::CHECK_CLOSED, &[])?;
        }
    }
    // `self._task_factory`: an instance attribute (set in `__init__`).
    let factory = match event_loop {
        Value::Instance(i) => crate::runtime::instdict::get(i, sym::TASK_FACTORY),
        _ => None,
    };
    let factory = match factory {
        Some(f) => f,
        None => vm.get_attr(event_loop, sym::TASK_FACTORY)?,
    };
    if matches!(factory, Value::None) {
        // `Task(coro, loop=self, name=name, context=context)`; the class is the native one,
        // so its `__new__` and `__init__` are known.
        let task = super::futures::new_task_instance(vm)?;
        super::tasks::task_init(
            vm,
            Args {
                pos: &[task.clone(), coro.clone()],
                kw: &[
                    (sym::LOOP, event_loop.clone()),
                    (sym::NAME_PLAIN, name),
                    (sym::CONTEXT_KW, context),
                ],
                data: &Value::None,
            },
        )?;
        return Ok(task);
    }
    let task = vm.call(&factory, &[event_loop.clone(), coro.clone()])?;
    let set_name = super::futures::asyncio_global(vm, "_set_task_name")?;
    vm.call(&set_name, &[task.clone(), name])?;
    Ok(task)
}

fn loop_call_soon(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, core) = self_loop(vm, &args, "call_soon")?;
    check_context_kw(vm, &args, "call_soon")?;
    let Some(callback) = args.pos.get(1) else {
        return Err(missing(vm, "call_soon", &["callback"]));
    };
    check_closed(vm, event_loop)?;
    let handle = call_soon(vm, event_loop, core, callback.clone(), args.pos[2..].into());
    Ok(Value::Instance(handle))
}

/// Is this one of tulip's loops (whose `call_soon` is native)?
pub fn is_native_loop(v: &Value) -> bool {
    loop_core(v).is_some()
}

/// `loop.call_soon(callback, *args)` from Rust, on one of tulip's loops.
pub fn call_soon_checked(
    vm: &mut Vm,
    event_loop: &Value,
    callback: Value,
    args: Rc<[Value]>,
) -> PyResult<()> {
    check_closed(vm, event_loop)?;
    if let Some(core) = loop_core(event_loop) {
        core.ready
            .borrow_mut()
            .push_back(Ready::Internal(Box::new((callback, args))));
    }
    Ok(())
}

/// Schedules the wake-up of `task`, whose awaited `future` is done, on one of tulip's loops.
pub fn call_wakeup_soon(
    vm: &mut Vm,
    event_loop: &Value,
    task: Value,
    future: Value,
) -> PyResult<()> {
    check_closed(vm, event_loop)?;
    if let Some(core) = loop_core(event_loop) {
        let entry = match (task, future) {
            (Value::Instance(task), Value::Instance(future)) => Ready::TaskWakeup(task, future),
            (task, future) => Ready::Internal(Box::new((
                super::tasks::wakeup_for(&task),
                Rc::new([future]),
            ))),
        };
        core.ready.borrow_mut().push_back(entry);
    }
    Ok(())
}

/// Schedules `task`'s next step (nothing to throw in) on one of tulip's loops.
pub fn call_task_step_soon(vm: &mut Vm, event_loop: &Value, task: Value) -> PyResult<()> {
    check_closed(vm, event_loop)?;
    if let Some(core) = loop_core(event_loop) {
        let entry = match task {
            Value::Instance(task) => Ready::TaskStep(task),
            task => Ready::Internal(Box::new((
                super::tasks::step_wrapper(task, None),
                vm.asyncio.no_args.clone(),
            ))),
        };
        core.ready.borrow_mut().push_back(entry);
    }
    Ok(())
}

/// Appends a `Handle` for `callback(*args)` to the ready queue.
fn call_soon(
    vm: &Vm,
    event_loop: &Value,
    core: &LoopCore,
    callback: Value,
    args: Rc<[Value]>,
) -> Rc<Instance> {
    let class = vm
        .asyncio
        .classes
        .as_ref()
        .map(|c| c.handle.clone())
        .unwrap_or_else(|| vm.types.object.clone());
    let handle = new_handle(
        &class,
        HandleData {
            callback,
            args,
            cancelled: false,
            event_loop: event_loop.clone(),
            timer: None,
        },
    );
    core.ready
        .borrow_mut()
        .push_back(Ready::Handle(handle.clone()));
    handle
}

fn deadline(vm: &mut Vm, when: &Value) -> PyResult<f64> {
    match when {
        Value::Int(i) => Ok(*i as f64),
        Value::Float(f) => Ok(f.get()),
        Value::Bool(b) => Ok(b.get() as i64 as f64),
        _ => crate::runtime::builtins::to_float(vm, when).map_err(|_| {
            vm.type_error(format!(
                "'<' not supported between instances of '{}' and 'float'",
                vm.type_name(when)
            ))
        }),
    }
}

/// `loop.time() + delay`, as `call_later` computes a deadline.
fn time_after(vm: &mut Vm, delay: &Value) -> PyResult<Value> {
    if delay.is_none() {
        return Err(vm.type_error("delay must not be None"));
    }
    let now = Value::float(vm.clock.now());
    match crate::vm::ops::fast_binary(BinOp::Add, &now, delay) {
        Some(when) => Ok(when),
        None => vm.binary_op(BinOp::Add, &now, delay),
    }
}

fn loop_call_later(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "call_later")?;
    check_context_kw(vm, &args, "call_later")?;
    match args.pos.len() {
        1 => return Err(missing(vm, "call_later", &["delay", "callback"])),
        2 => return Err(missing(vm, "call_later", &["callback"])),
        _ => {}
    }
    let when = time_after(vm, &args.pos[1])?;
    let event_loop = event_loop.clone();
    call_at(
        vm,
        &event_loop,
        when,
        args.pos[2].clone(),
        args.pos[3..].into(),
    )
}

fn loop_call_at(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "call_at")?;
    check_context_kw(vm, &args, "call_at")?;
    match args.pos.len() {
        1 => return Err(missing(vm, "call_at", &["when", "callback"])),
        2 => return Err(missing(vm, "call_at", &["callback"])),
        _ => {}
    }
    let when = args.pos[1].clone();
    if when.is_none() {
        return Err(vm.type_error("when cannot be None"));
    }
    let event_loop = event_loop.clone();
    call_at(
        vm,
        &event_loop,
        when,
        args.pos[2].clone(),
        args.pos[3..].into(),
    )
}

/// Pushes a `TimerHandle` for `callback(*args)` at `when` onto the timer queue.
fn call_at(
    vm: &mut Vm,
    event_loop: &Value,
    when_value: Value,
    callback: Value,
    args: Rc<[Value]>,
) -> PyResult<Value> {
    check_closed(vm, event_loop)?;
    let when = deadline(vm, &when_value)?;
    if loop_core(event_loop).is_none() {
        return Err(vm.type_error("call_at() needs an event loop"));
    }
    let class = vm
        .asyncio
        .classes
        .as_ref()
        .map(|c| c.timer_handle.clone())
        .unwrap_or_else(|| vm.types.object.clone());
    let handle = new_handle(
        &class,
        HandleData {
            callback,
            args,
            cancelled: false,
            event_loop: event_loop.clone(),
            timer: Some(TimerData {
                when_value,
                when,
                scheduled: true,
            }),
        },
    );
    push_timer(event_loop, when, TimerTarget::Handle(handle.clone()));
    Ok(Value::Instance(handle))
}

/// `_tulip._sleep_future(delay, result)`: the part of `asyncio.sleep(delay, result)` that
/// CPython writes as
///
/// ```python
/// loop = events.get_running_loop()
/// future = loop.create_future()
/// h = loop.call_later(delay, futures._set_result_unless_cancelled, future, result)
/// try:
///     return await future
/// finally:
///     h.cancel()
/// ```
///
/// On tulip's loops this returns the future, with a timer that sets its result: no
/// `TimerHandle`, and no `h.cancel()` needed, since the timer is dropped once the future is
/// over (cancelled), and counted for compaction as CPython counts the cancelled handle. For a
/// loop whose `create_future` or `call_later` is overridden it returns None, and `sleep` takes
/// CPython's steps.
pub fn sleep_future(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [delay, result] = args.pos else {
        return Err(vm.type_error("_sleep_future() takes 2 arguments"));
    };
    Ok(arm_sleep(vm, delay, result)?.unwrap_or(Value::None))
}

/// The first step of a natively stepped `sleep(delay)` that a task may run without a future:
/// its timer goes straight into the timer queue with the coroutine as its target. False for a
/// loop that overrides `create_future` or `call_later` (the Python body then runs).
pub fn arm_lazy_sleep(vm: &mut Vm, gen: &Rc<Generator>, delay: &Value) -> PyResult<bool> {
    let Some((event_loop, when)) = sleep_deadline(vm, delay)? else {
        return Ok(false);
    };
    push_timer(&event_loop, when, TimerTarget::LazySleep(gen.clone()));
    Ok(true)
}

/// Where a natively armed sleep's timer goes: the running loop and the deadline, or None for
/// a loop that overrides `create_future` or `call_later`.
fn sleep_deadline(vm: &mut Vm, delay: &Value) -> PyResult<Option<(Value, f64)>> {
    let event_loop = super::native::running_loop(vm)?;
    if !sleeps_natively(&event_loop) {
        return Ok(None);
    }
    let when = time_after(vm, delay)?;
    check_closed(vm, &event_loop)?;
    let when = deadline(vm, &when)?;
    Ok(Some((event_loop, when)))
}

/// Adds a timer to one of tulip's loops (checked by the caller).
fn push_timer(event_loop: &Value, when: f64, target: TimerTarget) {
    let core = loop_core(event_loop).expect("one of tulip's loops");
    let seq = next_seq(core);
    core.timers.borrow_mut().push(Timer { when, seq, target });
}

/// A due lazy sleep timer: what `sleep_done` does to its future, done to the coroutine. The
/// waiting task's step is scheduled, as the future's done-callback would be.
fn lazy_sleep_done(vm: &mut Vm, event_loop: &Value, gen: Rc<Generator>) -> PyResult<()> {
    match gen.body.take() {
        GenBody::SleepDue(waiter) | GenBody::SleepTimer(waiter) => {
            gen.body.set(GenBody::SleepFired);
            if let Some(task) = waiter {
                check_closed(vm, event_loop)?;
                if let Some(core) = loop_core(event_loop) {
                    core.ready
                        .borrow_mut()
                        .push_back(Ready::LazySleepWakeup(task, gen));
                }
            }
            Ok(())
        }
        GenBody::SleepMaterialized(future) => {
            gen.body.set(GenBody::SleepMaterialized(future.clone()));
            sleep_done(vm, event_loop, future, Value::None)
        }
        other => {
            gen.body.set(other);
            Ok(())
        }
    }
}

/// `_sleep_future`'s work (also the first step of a natively stepped `sleep`, asyncio::sleep):
/// the future, or None for a loop that overrides `create_future` or `call_later`.
pub fn arm_sleep(vm: &mut Vm, delay: &Value, result: &Value) -> PyResult<Option<Value>> {
    let Some((event_loop, when)) = sleep_deadline(vm, delay)? else {
        return Ok(None);
    };
    let future = super::futures::new_future(vm, &event_loop)?;
    let (Value::Instance(instance), Some(data)) = (&future, super::futures::future_data(&future))
    else {
        return Err(vm.runtime_error("internal error: sleep future"));
    };
    data.borrow_mut().sleep_timer_armed = true;
    let target = if result.is_none() {
        TimerTarget::Sleep(instance.clone())
    } else {
        TimerTarget::SleepWithResult(Box::new((instance.clone(), result.clone())))
    };
    push_timer(&event_loop, when, target);
    Ok(Some(future))
}

/// A due `asyncio.sleep` timer: `_set_result_unless_cancelled(future, result)`, reported
/// through the loop's exception handler if it fails.
fn sleep_done(
    vm: &mut Vm,
    event_loop: &Value,
    future: Rc<Instance>,
    result: Value,
) -> PyResult<()> {
    let args = [Value::Instance(future), result];
    let pos = Args {
        pos: &args,
        kw: &[],
        data: &Value::None,
    };
    if let Err(err) = super::futures::set_result_unless_cancelled(vm, pos) {
        let callback = Value::Builtin(Rc::new(crate::vm::object::Builtin {
            name: "_set_result_unless_cancelled",
            owner: None,
            func: super::futures::set_result_unless_cancelled,
            data: Value::None,
            fast: None,
        }));
        report_internal_error(vm, err, event_loop, &callback, &args)?;
    }
    Ok(())
}

fn loop_time(vm: &mut Vm, args: Args) -> PyResult<Value> {
    self_loop(vm, &args, "time")?;
    Ok(Value::float(vm.clock.now()))
}

fn loop_clear_queues(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (_, core) = self_loop(vm, &args, "_clear_queues")?;
    core.ready.borrow_mut().clear();
    core.timers.borrow_mut().clear();
    core.cancelled_timers.set(0);
    Ok(Value::None)
}

fn is_cancelled(handle: &Instance) -> bool {
    match handle.payload.asyncio() {
        Some(AsyncioObject::Handle(h)) => h.borrow().cancelled,
        _ => true,
    }
}

fn set_unscheduled(handle: &Instance) {
    if let Some(AsyncioObject::Handle(h)) = handle.payload.asyncio() {
        if let Some(t) = &mut h.borrow_mut().timer {
            t.scheduled = false;
        }
    }
}

/// Drops cancelled timers: all of them once they are most of a big queue, else those at the head.
fn drop_cancelled_timers(core: &LoopCore, all_tasks: &super::tasks::AllTasks) {
    let mut timers = core.timers.borrow_mut();
    let count = timers.len();
    if count > MIN_SCHEDULED_FOR_COMPACTION && core.cancelled_timers.get() * 2 > count {
        timers.retain(|t| {
            let dead = t.target.is_dead();
            if dead {
                t.target.unschedule();
            }
            !dead
        });
        core.cancelled_timers.set(0);
        return;
    }
    while timers.peek().is_some_and(|t| t.target.is_dead()) {
        if let Some(t) = timers.pop(all_tasks) {
            if t.target.was_counted_cancelled() {
                core.cancelled_timers
                    .set(core.cancelled_timers.get().saturating_sub(1));
            }
            t.target.unschedule();
        }
    }
}

/// `run_forever`'s loop: `while True: self._run_once()` then `if self._stopping: break`,
/// run natively because every task takes several iterations (a sleep's timer, the task's
/// step, its done-callbacks), which cost more in Python than the iteration itself when little
/// is ready. A `_run_once` overridden on the class or instance is called as Python would, and
/// `_stopping` is read as Python would when the class has anything under that name.
fn loop_run_until_stopping(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "_run_until_stopping")?;
    let event_loop = event_loop.clone();
    let Value::Instance(instance) = &event_loop else {
        return Err(vm.type_error("_run_until_stopping() needs an event loop"));
    };
    let run_once_name = intern("_run_once");
    // What the class says, looked up again only when some class changed.
    let mut epoch = 0;
    let mut class_run_once_native = false;
    let mut class_has_stopping = true;
    loop {
        // The backward jump of the loop in Python, which a step budget counts.
        vm.charge_step()?;
        if epoch != type_epoch() {
            epoch = type_epoch();
            class_run_once_native = class_has_native(&event_loop, run_once_name, loop_run_once);
            class_has_stopping = instance.class.lookup(sym::STOPPING_FLAG).is_some();
        }
        // (The instance's own attributes change without the epoch.)
        if class_run_once_native && !crate::runtime::instdict::contains(instance, run_once_name) {
            run_once(vm, &event_loop)?;
        } else {
            vm.call_method(&event_loop, run_once_name, &[])?;
        }
        let stopping = match crate::runtime::instdict::get(instance, sym::STOPPING_FLAG) {
            Some(flag) if !class_has_stopping => flag,
            _ => vm.get_attr(&event_loop, sym::STOPPING_FLAG)?,
        };
        if vm.truthy(&stopping)? {
            return Ok(Value::None);
        }
    }
}

/// `loop._run_once()`.
fn loop_run_once(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (event_loop, _) = self_loop(vm, &args, "_run_once")?;
    run_once(vm, &event_loop.clone())?;
    Ok(Value::None)
}

/// One iteration of the loop (CPython's `BaseEventLoop._run_once`) of one of tulip's loops.
fn run_once(vm: &mut Vm, event_loop: &Value) -> PyResult<()> {
    super::native::tick_clock(vm);
    // Async generators dropped while suspended are closed by a task (CPython's finalizer
    // hook, which runs when they are garbage-collected).
    for agen in super::asyncgen::take_asyncgens(vm, false) {
        let create_task = vm.get_attr(event_loop, intern("create_task"))?;
        let aclose = vm.call_method(&agen, intern("aclose"), &[])?;
        check_closed(vm, event_loop)?;
        let core = loop_core(event_loop).expect("one of tulip's loops");
        call_soon(vm, event_loop, core, create_task, Rc::new([aclose]));
    }
    let core = loop_core(event_loop).expect("one of tulip's loops");
    drop_cancelled_timers(core, &vm.asyncio.all_tasks);

    let nothing_ready = core.ready.borrow().is_empty();
    if nothing_ready && !loop_flag(vm, event_loop, sym::STOPPING_FLAG)? {
        let first = core.timers.borrow().peek().map(|t| t.when);
        match first {
            // The virtual clock cannot jump to infinity: waiting forever is a stall.
            Some(f64::INFINITY) if vm.clock.is_virtual() => {
                super::native::stalled_until_infinity(vm)?
            }
            Some(when) => super::native::wait_until_time(vm, when)?,
            None => super::native::stalled(vm)?,
        }
    }
    let core = loop_core(event_loop).expect("one of tulip's loops");
    let now = vm.clock.now();
    let end_time = now + 1e-9;
    {
        let mut timers = core.timers.borrow_mut();
        let mut ready = core.ready.borrow_mut();
        while timers.peek().is_some_and(|t| due_by(t.when, now, end_time)) {
            if let Some(t) = timers.pop(&vm.asyncio.all_tasks) {
                t.target.unschedule();
                ready.push_back(t.target.into_ready());
            }
        }
    }
    let todo = core.ready.borrow().len();
    for done in 1..=todo {
        if done % 4096 == 0 {
            shrink_ready(core);
        }
        let Some(entry) = core.ready.borrow_mut().pop_front() else {
            break;
        };
        match entry {
            Ready::Handle(handle) => {
                if !is_cancelled(&handle) {
                    run_handle(vm, &handle)?;
                }
            }
            Ready::Internal(entry) => run_internal(vm, event_loop, &entry.0, &entry.1)?,
            Ready::TaskStep(task) => {
                let task = Value::Instance(task);
                if let Err(err) = super::tasks::step(vm, &task, None) {
                    let callback = super::tasks::step_wrapper(task, None);
                    report_internal_error(vm, err, event_loop, &callback, &[])?;
                }
            }
            Ready::TaskWakeup(task, future) => {
                let (task, future) = (Value::Instance(task), Value::Instance(future));
                if let Err(err) = super::tasks::wakeup(vm, &task, &future) {
                    let callback = super::tasks::wakeup_for(&task);
                    report_internal_error(vm, err, event_loop, &callback, &[future])?;
                }
            }
            Ready::LazySleepWakeup(task, gen) => {
                let task = Value::Instance(task);
                if let Err(err) = super::tasks::step(vm, &task, None) {
                    let future = super::sleep::materialize(vm, &gen, event_loop)?;
                    let callback = super::tasks::wakeup_for(&task);
                    let args = [future.unwrap_or(Value::None)];
                    report_internal_error(vm, err, event_loop, &callback, &args)?;
                }
            }
            Ready::SleepDone(future) => sleep_done(vm, event_loop, future, Value::None)?,
            Ready::SleepDoneWithResult(b) => {
                let (future, result) = *b;
                sleep_done(vm, event_loop, future, result)?
            }
            Ready::LazySleepDone(gen) => lazy_sleep_done(vm, event_loop, gen)?,
        }
    }
    shrink_ready(core);
    Ok(())
}

/// Is a timer at `when` due by `end_time` (`now` plus the clock's resolution)? CPython stops
/// at `if handle._when >= end_time`, so a NaN deadline is due at once. A deadline the clock
/// has reached is due too: past about 1e7 s, adding the resolution does not change `now`, and
/// the virtual clock, which jumps to the deadline, would otherwise never get past it.
fn due_by(when: f64, now: f64, end_time: f64) -> bool {
    when <= now
        || !matches!(
            when.partial_cmp(&end_time),
            Some(Ordering::Greater | Ordering::Equal)
        )
}

/// Ready-queue capacity above which a mostly empty queue's buffer is shrunk (entries).
const SHRINK_READY_FROM: usize = 1 << 14;

/// A burst (a million tasks' first steps) leaves a big buffer that empties as the tasks run:
/// it is given back as they go, before what they allocate next (their timers, say) adds to
/// it. Halving when a quarter is in use copies each entry O(1) times overall.
fn shrink_ready(core: &LoopCore) {
    let mut ready = core.ready.borrow_mut();
    if ready.capacity() > SHRINK_READY_FROM && ready.len() * 4 < ready.capacity() {
        let keep = (ready.len() * 2).max(SHRINK_READY_FROM / 2);
        ready.shrink_to(keep);
    }
}

/// Has the loop ready callbacks or pending timers? (The REPL runs its loop while idle.)
pub fn loop_has_work(event_loop: &Value) -> bool {
    loop_core(event_loop)
        .is_some_and(|core| !core.ready.borrow().is_empty() || !core.timers.borrow().is_empty())
}
