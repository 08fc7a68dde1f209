//! `Task`, in Rust, step for step as CPython 3.11's C implementation (`_asyncio.Task`): the
//! first step is scheduled with `call_soon` at creation; a step sends into (or throws into) the
//! coroutine and looks at what it yielded — a blocking future gets the task's wake-up callback,
//! a bare `yield` reschedules the step, anything else becomes a `RuntimeError` thrown in at the
//! next step; cancellation goes to the awaited future first, else is thrown in at the next step.

use std::cell::RefCell;
use std::rc::Rc;

use super::futures::{
    self, asyncio_error, call_soon, future_data, is_cancelled_error, param, FutureData, State,
};
use super::AsyncioObject;
use crate::runtime::str::PyStr;
use crate::runtime::types::{install, new_class};
use crate::vm::dispatch::{FrameResult, Resume, SendResult};
use crate::vm::object::{
    Args, Builtin, Class, GenBody, Generator, GeneratorKind, Instance, Layout,
};
use crate::vm::symbol::{sym, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub struct TaskData {
    /// The coroutine (`__init__` accepts nothing else), None before `__init__`.
    coro: Option<Rc<Generator>>,
    pub fut_waiter: Value,
    /// The name, or None while nobody has asked for the default `Task-N`: formatting a name
    /// for each of 100,000 tasks would cost more than the task itself.
    name: Option<PyStr>,
    /// The `N` of the default name.
    default_number: u32,
    pub num_cancels_requested: u32,
    /// Where the task is in `AllTasks` (a hint: checked before use).
    registry_slot: u32,
    pub must_cancel: bool,
    pub log_destroy_pending: bool,
}

// Small enough for mimalloc's 48-byte size class: a million tasks hold one each.
const _: () = assert!(std::mem::size_of::<TaskData>() <= 48);

/// The unfinished tasks (`asyncio.all_tasks`). A vector with a slot per task, the slot kept
/// in the task: adding and removing are O(1) and touch no other task, where a hash map cost
/// a tenth of the run time with a million tasks. Finished tasks leave holes, squeezed out once
/// they are the majority.
#[derive(Default)]
pub struct AllTasks {
    slots: Vec<Option<Rc<Instance>>>,
    holes: usize,
}

impl AllTasks {
    pub fn clear(&mut self) {
        self.slots.clear();
        self.holes = 0;
    }

    fn add(&mut self, task: &Rc<Instance>, data: &RefCell<FutureData>) {
        if self.holes > 1024 && self.holes * 2 > self.slots.len() {
            self.squeeze();
        }
        let slot = self.slots.len();
        self.slots.push(Some(task.clone()));
        if let Some(t) = data.borrow_mut().task.as_mut() {
            t.registry_slot = slot as u32;
        }
    }

    fn remove(&mut self, task: &Rc<Instance>, slot: u32) {
        let at = match self.slots.get(slot as usize) {
            Some(Some(t)) if Rc::ptr_eq(t, task) => slot as usize,
            // A stale hint (see `squeeze`): look for it.
            _ => match self
                .slots
                .iter()
                .position(|t| t.as_ref().is_some_and(|t| Rc::ptr_eq(t, task)))
            {
                Some(at) => at,
                None => return,
            },
        };
        self.slots[at] = None;
        self.holes += 1;
    }

    /// Drops the holes and renumbers the tasks that moved. A task whose state is borrowed
    /// right now keeps a stale hint, which `remove` detects.
    fn squeeze(&mut self) {
        self.slots.retain(Option::is_some);
        self.holes = 0;
        for (slot, task) in self.slots.iter().enumerate() {
            if let Some(AsyncioObject::Future(data)) =
                task.as_ref().and_then(|t| t.payload.asyncio())
            {
                if let Ok(mut d) = data.try_borrow_mut() {
                    if let Some(t) = d.task.as_mut() {
                        t.registry_slot = slot as u32;
                    }
                }
            }
        }
    }

    fn iter(&self) -> impl Iterator<Item = &Rc<Instance>> {
        self.slots.iter().flatten()
    }
}

/// Prefetches the object `depth` pointers away from `task` on the way its next step goes: the
/// task, its state, its `TaskData`, its coroutine, the coroutine's frame, the frame's stack,
/// and the task's slot in `all_tasks` (which it leaves when done). For the timer queue, which
/// calls the depths in turn as the task's timer comes due (timer_queue::Warm), so the objects
/// above `depth` are in the cache by then.
pub fn warm(task: &Rc<Instance>, depth: usize, all_tasks: &AllTasks) {
    use super::timer_queue::prefetch;
    if depth == 0 {
        return prefetch(Rc::as_ptr(task));
    }
    let Some(AsyncioObject::Future(data)) = task.payload.asyncio() else {
        return;
    };
    if depth == 1 {
        return prefetch(&**data);
    }
    let Ok(d) = data.try_borrow() else {
        return;
    };
    let Some(t) = d.task.as_deref() else {
        return;
    };
    match (depth, &t.coro) {
        (2, _) => prefetch(t),
        (6, _) => {
            if let Some(slot) = all_tasks.slots.get(t.registry_slot as usize) {
                prefetch(slot);
            }
        }
        (3, Some(coro)) => prefetch(Rc::as_ptr(coro)),
        (4 | 5, Some(coro)) => coro.with_body(|body| {
            if let GenBody::Frame(frame) = body {
                match depth {
                    4 => prefetch(&**frame),
                    _ => prefetch(frame.stack.as_ptr()),
                }
            }
        }),
        _ => {}
    }
}

impl Default for TaskData {
    fn default() -> TaskData {
        TaskData {
            coro: None,
            fut_waiter: Value::None,
            name: None,
            default_number: 0,
            num_cancels_requested: 0,
            registry_slot: 0,
            must_cancel: false,
            log_destroy_pending: true,
        }
    }
}

impl TaskData {
    /// `_coro`.
    pub fn coro(&self) -> Value {
        self.coro.clone().map_or(Value::None, Value::Generator)
    }

    /// The task's name (`get_name()`); a default name is formatted once, on first use.
    pub fn name(&mut self) -> Value {
        let number = self.default_number;
        let name = self
            .name
            .get_or_insert_with(|| PyStr::new(&format!("Task-{number}")));
        Value::Str(name.clone())
    }

    fn set_name(&mut self, name: Value) {
        if let Value::Str(s) = name {
            self.name = Some(s);
        }
    }
}

pub fn make_class(future: &Rc<Class>) -> Rc<Class> {
    let task = new_class(
        "Task",
        "_asyncio",
        vec![future.clone()],
        Layout::Native,
        true,
    );
    install(
        &task,
        "Task",
        &[
            ("__init__", task_init),
            ("get_coro", task_get_coro),
            ("get_context", task_get_context),
            ("get_name", task_get_name),
            ("set_name", task_set_name),
            ("get_stack", task_get_stack),
            ("print_stack", task_print_stack),
            ("cancelling", task_cancelling),
            ("uncancel", task_uncancel),
        ],
    );
    task
}

fn this<'a>(vm: &Vm, args: &'a Args, method: &str) -> PyResult<&'a RefCell<FutureData>> {
    match args.pos.first().and_then(future_data) {
        Some(d) if d.borrow().task.is_some() => Ok(d),
        _ => Err(vm.type_error(format!(
            "descriptor '{method}' for '_asyncio.Task' objects doesn't apply to this object"
        ))),
    }
}

fn with_task<R>(data: &RefCell<FutureData>, f: impl FnOnce(&mut TaskData) -> R) -> R {
    let mut d = data.borrow_mut();
    f(d.task.as_mut().expect("checked to be a task"))
}

/// Attributes of tasks the Python half reads (`_coro`, `_name`, `_fut_waiter`, ...).
pub fn task_attr(t: &mut TaskData, name: Symbol) -> Option<Value> {
    Some(match name.as_str() {
        "_coro" => t.coro(),
        "_name" => t.name(),
        "_fut_waiter" => t.fut_waiter.clone(),
        "_must_cancel" => Value::bool(t.must_cancel),
        "_num_cancels_requested" => Value::Int(t.num_cancels_requested.into()),
        "_log_destroy_pending" => Value::bool(t.log_destroy_pending),
        _ => return None,
    })
}

pub(super) fn task_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "__init__")?;
    let task = args.pos[0].clone();
    let Some(coro) = futures::param_named(&args, 1, "coro") else {
        return Err(vm.type_error("Task.__init__() missing required argument 'coro' (pos 1)"));
    };
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "Task.__init__() takes at most 1 positional argument ({} given)",
            args.pos.len() - 1
        )));
    }
    for (k, _) in args.kw {
        let known = [sym::LOOP, sym::NAME_PLAIN, sym::CONTEXT_KW].contains(k);
        if !known && k.as_str() != "coro" {
            return Err(vm.type_error(format!(
                "Task.__init__() got an unexpected keyword argument '{}'",
                k.as_str()
            )));
        }
    }
    futures::init(vm, data, param(&args, usize::MAX, sym::LOOP))?;
    let coro = match coro {
        Value::Generator(g) if g.kind == GeneratorKind::Coroutine => g,
        other => {
            with_task(data, |t| t.log_destroy_pending = false);
            let shown = vm.repr(&other)?;
            return Err(vm.type_error(format!("a coroutine was expected, got {shown}")));
        }
    };
    let (name, default_number) = match param(&args, usize::MAX, sym::NAME_PLAIN) {
        None | Some(Value::None) => {
            vm.asyncio.task_name_counter += 1;
            match u32::try_from(vm.asyncio.task_name_counter) {
                Ok(n) => (None, n),
                Err(_) => {
                    let name = format!("Task-{}", vm.asyncio.task_name_counter);
                    (Some(Value::string(name)), 0)
                }
            }
        }
        Some(n @ Value::Str(_)) => (Some(n), 0),
        Some(n) => (Some(Value::string(vm.to_str(&n)?)), 0),
    };
    with_task(data, |t| {
        t.coro = Some(coro);
        t.name = None;
        t.default_number = default_number;
        if let Some(name) = name {
            t.set_name(name);
        }
        t.must_cancel = false;
        t.fut_waiter = Value::None;
        t.log_destroy_pending = true;
        t.num_cancels_requested = 0;
    });
    call_step_soon(vm, &task, None)?;
    if let Value::Instance(i) = &task {
        vm.asyncio.all_tasks.add(i, data);
    }
    Ok(Value::None)
}

fn task_get_coro(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "get_coro")?;
    Ok(with_task(data, |t| t.coro()))
}

fn task_get_context(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "get_context")?;
    Ok(Value::None)
}

fn task_get_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "get_name")?;
    Ok(with_task(data, |t| t.name()))
}

fn task_set_name(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "set_name")?;
    let v = args.pos.get(1).cloned().unwrap_or(Value::None);
    let name = match v {
        Value::Str(_) => v,
        other => Value::string(vm.to_str(&other)?),
    };
    with_task(data, |t| t.set_name(name));
    Ok(Value::None)
}

fn task_get_stack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "get_stack")?;
    Ok(Value::list(vec![]))
}

fn task_print_stack(vm: &mut Vm, args: Args) -> PyResult<Value> {
    this(vm, &args, "print_stack")?;
    Ok(Value::None)
}

fn task_cancelling(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "cancelling")?;
    Ok(Value::Int(with_task(data, |t| {
        t.num_cancels_requested.into()
    })))
}

fn task_uncancel(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let data = this(vm, &args, "uncancel")?;
    Ok(Value::Int(with_task(data, |t| {
        if t.num_cancels_requested > 0 {
            t.num_cancels_requested -= 1;
        }
        t.num_cancels_requested.into()
    })))
}

/// `Task.cancel(msg)`: cancel the awaited future if there is one, else throw `CancelledError`
/// in at the next step.
pub fn cancel(vm: &mut Vm, task: &Value, data: &RefCell<FutureData>, msg: Value) -> PyResult<bool> {
    futures::untrack(vm, task, data);
    if data.borrow().state != State::Pending {
        return Ok(false);
    }
    with_task(data, |t| {
        t.num_cancels_requested = t.num_cancels_requested.saturating_add(1)
    });
    let waiter = fut_waiter(vm, data)?;
    if !waiter.is_none() && cancel_future(vm, &waiter, msg.clone())? {
        return Ok(true);
    }
    with_task(data, |t| t.must_cancel = true);
    data.borrow_mut().set_cancel_message(msg);
    Ok(true)
}

/// `fut.cancel(msg)` on any future-like object.
fn cancel_future(vm: &mut Vm, fut: &Value, msg: Value) -> PyResult<bool> {
    let r = vm.call_method(fut, sym::CANCEL, &[msg])?;
    vm.truthy(&r)
}

// ----- stepping -------------------------------------------------------------------------------

/// Schedules the task's next step (with an exception to throw in, or none).
fn call_step_soon(vm: &mut Vm, task: &Value, exc: Option<Value>) -> PyResult<()> {
    let Some(data) = future_data(task) else {
        return Ok(());
    };
    let event_loop = data.borrow().event_loop.clone();
    if exc.is_none() && super::events::is_native_loop(&event_loop) {
        return super::events::call_task_step_soon(vm, &event_loop, task.clone());
    }
    let step = step_wrapper(task.clone(), exc);
    let no_args = vm.asyncio.no_args.clone();
    call_soon(vm, &event_loop, step, no_args)
}

/// The callable that runs the task's next step (CPython's `TaskStepMethWrapper`).
pub fn step_wrapper(task: Value, exc: Option<Value>) -> Value {
    // The data is the task, or `(task, exc)` when there is an exception to throw in (a task
    // is never a tuple): most steps then cost one allocation less.
    let data = match exc {
        None => task,
        Some(exc) => Value::tuple(vec![task, exc]),
    };
    Value::Builtin(Rc::new(Builtin {
        name: "TaskStepMethWrapper",
        owner: None,
        func: step_callback,
        data,
        fast: None,
    }))
}

fn step_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.data {
        Value::Tuple(parts) => {
            let exc = (!parts[1].is_none()).then(|| parts[1].clone());
            step(vm, &parts[0], exc)?;
        }
        task => step(vm, task, None)?,
    }
    Ok(Value::None)
}

fn wakeup_callback(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let task = args.data.clone();
    let fut = args.pos.first().cloned().unwrap_or(Value::None);
    wakeup(vm, &task, &fut)?;
    Ok(Value::None)
}

/// The awaited future finished: step the task with its outcome.
pub fn wakeup(vm: &mut Vm, task: &Value, fut: &Value) -> PyResult<()> {
    let outcome = match future_data(fut) {
        Some(data) if futures::is_exact_native(vm, fut) => futures::result(vm, fut, data),
        _ => vm.call_method(fut, sym::RESULT, &[]),
    };
    match outcome {
        Ok(_) => step(vm, task, None),
        Err(e) => step(vm, task, Some(e.value())),
    }
}

/// One step of the task, between entering and leaving it as the loop's current task.
pub fn step(vm: &mut Vm, task: &Value, exc: Option<Value>) -> PyResult<()> {
    let Some(data) = future_data(task) else {
        return Ok(());
    };
    let event_loop = data.borrow().event_loop.clone();
    let loop_key = loop_key(&event_loop);
    if let Some(prev) = vm.asyncio.current_tasks.get(&loop_key).cloned() {
        let (t, p) = (vm.repr(task)?, vm.repr(&prev)?);
        return Err(vm.runtime_error(format!(
            "Cannot enter into task {t} while another task {p} is being executed."
        )));
    }
    vm.asyncio.current_tasks.insert(loop_key, task.clone());
    let r = step_inner(vm, task, data, &event_loop, exc);
    vm.asyncio.current_tasks.remove(&loop_key);
    r
}

pub fn loop_key(event_loop: &Value) -> usize {
    match event_loop {
        Value::Instance(i) => Rc::as_ptr(i) as usize,
        _ => 0,
    }
}

fn step_inner(
    vm: &mut Vm,
    task: &Value,
    data: &RefCell<FutureData>,
    event_loop: &Value,
    mut exc: Option<Value>,
) -> PyResult<()> {
    if data.borrow().state != State::Pending {
        let t = vm.repr(task)?;
        let e = match &exc {
            Some(e) => vm.repr(e)?,
            None => "None".to_string(),
        };
        return Err(asyncio_error(
            vm,
            "InvalidStateError",
            &format!("_step(): already done: {t}, {e}"),
        ));
    }
    if with_task(data, |t| t.must_cancel) {
        let keep = matches!(&exc, Some(e) if is_cancelled_error(vm, e));
        if !keep {
            exc = Some(futures::make_cancelled_error(vm, data).value());
        }
        with_task(data, |t| t.must_cancel = false);
    }
    let coro = with_task(data, |t| {
        t.fut_waiter = Value::None;
        t.coro()
    });
    let resume = match exc {
        None => Resume::Send(Value::None),
        Some(e) => Resume::Throw(match &e {
            Value::Instance(i) if i.exception_data().is_some() => PyErr { exc: i.clone() },
            _ => crate::runtime::generators::make_thrown(vm, &e, None)?,
        }),
    };
    let outcome = match &coro {
        Value::Generator(g) => vm.resume_generator_for_task(g, resume).map(|r| match r {
            FrameResult::Returned(v) => SendResult::Returned(v),
            FrameResult::Yielded(v) | FrameResult::AsyncGenYielded(v) => SendResult::Yielded(v),
        }),
        other => match resume {
            Resume::Send(v) => vm.send_native(other, v),
            Resume::Throw(e) => vm.throw_native(other, e),
        },
    };
    match outcome {
        Ok(SendResult::Returned(v)) => {
            if with_task(data, |t| std::mem::replace(&mut t.must_cancel, false)) {
                let msg = data.borrow().cancel_message();
                futures::cancel(vm, task, data, msg)?;
            } else {
                futures::set_result(vm, task, data, v)?;
            }
            finish(vm, task);
            Ok(())
        }
        Err(e) if is_cancelled_error(vm, &e.value()) => {
            data.borrow_mut().set_cancelled_exc(e.value());
            futures::cancel(vm, task, data, Value::None)?;
            finish(vm, task);
            Ok(())
        }
        Err(e) => {
            futures::set_exception(vm, task, data, e.value())?;
            finish(vm, task);
            let (exit, interrupt) = (
                vm.types.system_exit.clone(),
                vm.types.keyboard_interrupt.clone(),
            );
            if e.is_instance_of(&exit) || e.is_instance_of(&interrupt) {
                return Err(e);
            }
            Ok(())
        }
        Ok(SendResult::Yielded(result)) => yielded(vm, task, data, event_loop, result),
    }
}

/// The task is done: it leaves `all_tasks`.
fn finish(vm: &mut Vm, task: &Value) {
    if let (Value::Instance(i), Some(data)) = (task, future_data(task)) {
        let slot = data.borrow().task.as_ref().map_or(0, |t| t.registry_slot);
        vm.asyncio.all_tasks.remove(i, slot);
    }
}

/// What the coroutine yielded decides how the task waits.
fn yielded(
    vm: &mut Vm,
    task: &Value,
    data: &RefCell<FutureData>,
    event_loop: &Value,
    mut result: Value,
) -> PyResult<()> {
    if result.is(task) {
        let t = vm.repr(task)?;
        return error_soon(vm, task, format!("Task cannot await on itself: {t}"));
    }
    // A lazy sleep (asyncio::sleep) stands in for its future.
    if let (Value::Generator(g), Value::Instance(t)) = (&result, task) {
        if super::sleep::is_unclaimed(g) {
            // Its timer is in the running loop's timer queue: if that is not the task's loop, the
            // future is made there and the task refuses it, as any other loop's future.
            let running = super::native::running_loop(vm)?;
            if running.is(event_loop) && super::sleep::claim(g, t) {
                return wait_on(vm, data, result);
            }
            if let Some(future) = super::sleep::materialize(vm, g, &running)? {
                result = future;
            }
        }
    }
    if let Some(fdata) = future_data(&result).filter(|_| futures::is_exact_native(vm, &result)) {
        let (same_loop, blocking) = {
            let f = fdata.borrow();
            (f.event_loop.is(event_loop), f.blocking)
        };
        if !same_loop {
            return different_loop(vm, task, &result);
        }
        if !blocking {
            return yield_instead_of_yield_from(vm, task, &result);
        }
        fdata.borrow_mut().blocking = false;
        futures::add_task_wakeup(vm, &result, fdata, task)?;
        return wait_on(vm, data, result);
    }
    if result.is_none() {
        return call_step_soon(vm, task, None);
    }
    if let Some(blocking) = vm.get_attr_opt(&result, sym::ASYNCIO_FUTURE_BLOCKING)? {
        if !blocking.is_none() {
            let blocking = vm.truthy(&blocking)?;
            let other_loop = futures::future_loop(vm, &result)?;
            if !other_loop.is(event_loop) {
                return different_loop(vm, task, &result);
            }
            if !blocking {
                return yield_instead_of_yield_from(vm, task, &result);
            }
            vm.set_attr(&result, sym::ASYNCIO_FUTURE_BLOCKING, Value::FALSE)?;
            vm.call_method(&result, sym::ADD_DONE_CALLBACK, &[wakeup_for(task)])?;
            return wait_on(vm, data, result);
        }
    }
    let (t, r) = (vm.repr(task)?, vm.repr(&result)?);
    if matches!(&result, Value::Generator(g) if g.kind == GeneratorKind::Generator) {
        return error_soon(
            vm,
            task,
            format!("yield was used instead of yield from for generator in task {t} with {r}"),
        );
    }
    error_soon(vm, task, format!("Task got bad yield: {r}"))
}

/// `task._fut_waiter`: the future the task waits for. A lazy sleep (asyncio::sleep) stands in
/// for its future until something asks, as here.
pub fn fut_waiter(vm: &mut Vm, data: &RefCell<FutureData>) -> PyResult<Value> {
    let (waiter, event_loop) = {
        let d = data.borrow();
        let waiter = d
            .task
            .as_ref()
            .map_or(Value::None, |t| t.fut_waiter.clone());
        (waiter, d.event_loop.clone())
    };
    if let Value::Generator(g) = &waiter {
        if let Some(future) = super::sleep::materialize(vm, g, &event_loop)? {
            with_task(data, |t| t.fut_waiter = future.clone());
            return Ok(future);
        }
    }
    Ok(waiter)
}

/// The task now waits for `fut`; a cancellation requested meanwhile goes to `fut`.
fn wait_on(vm: &mut Vm, data: &RefCell<FutureData>, fut: Value) -> PyResult<()> {
    let must_cancel = with_task(data, |t| {
        t.fut_waiter = fut.clone();
        t.must_cancel
    });
    if must_cancel {
        let msg = data.borrow().cancel_message();
        let fut = fut_waiter(vm, data)?;
        if cancel_future(vm, &fut, msg)? {
            with_task(data, |t| t.must_cancel = false);
        }
    }
    Ok(())
}

/// The task of a `task_wakeup` callback.
pub fn wakeup_task(callback: &Value) -> Option<&Value> {
    match callback {
        Value::Builtin(b)
            if std::ptr::fn_addr_eq(b.func, wakeup_callback as crate::vm::object::BuiltinFn) =>
        {
            Some(&b.data)
        }
        _ => None,
    }
}

/// Is `callback` the `task_wakeup` of `task`?
pub fn is_wakeup_of(callback: &Value, task: &Value) -> bool {
    matches!(callback, Value::Builtin(b)
        if std::ptr::fn_addr_eq(b.func, wakeup_callback as crate::vm::object::BuiltinFn)
            && !task.is_none()
            && b.data.is(task))
}

pub fn wakeup_for(task: &Value) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name: "task_wakeup",
        owner: Some("Task"),
        func: wakeup_callback,
        data: task.clone(),
        fast: None,
    }))
}

fn different_loop(vm: &mut Vm, task: &Value, fut: &Value) -> PyResult<()> {
    let (t, f) = (vm.repr(task)?, vm.repr(fut)?);
    error_soon(
        vm,
        task,
        format!("Task {t} got Future {f} attached to a different loop"),
    )
}

fn yield_instead_of_yield_from(vm: &mut Vm, task: &Value, fut: &Value) -> PyResult<()> {
    let (t, f) = (vm.repr(task)?, vm.repr(fut)?);
    error_soon(
        vm,
        task,
        format!("yield was used instead of yield from in task {t} with {f}"),
    )
}

/// Throws `RuntimeError(message)` into the task at its next step.
fn error_soon(vm: &mut Vm, task: &Value, message: String) -> PyResult<()> {
    let exc = vm.runtime_error(message).value();
    call_step_soon(vm, task, Some(exc))
}

// ----- module functions -----------------------------------------------------------------------

/// `_tulip._create_task(coro, name, context)`: the body of `asyncio.create_task` (which keeps
/// CPython's signature, and so its argument errors, in Python). CPython's body is Python code
/// too (`get_running_loop()`, `loop.create_task(...)`, `_set_task_name(...)`); every spawned
/// task goes through it, so here it is native, with the same steps.
pub fn create_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let [coro, name, context] = args.pos else {
        return Err(vm.type_error("_create_task() takes 3 arguments".to_string()));
    };
    let (coro, name, context) = (coro.clone(), name.clone(), context.clone());
    let event_loop = super::native::running_loop(vm)?;
    let task = if context.is_none() {
        super::events::call_loop_create_task(vm, &event_loop, coro)?
    } else {
        let method = vm.get_attr(&event_loop, sym::CREATE_TASK)?;
        vm.call_kw(&method, &[coro], &[(sym::CONTEXT_KW, context)])?
    };
    if !name.is_none() {
        // `_set_task_name`: a task from a custom factory may lack `set_name`.
        match vm.get_attr_opt(&task, sym::SET_NAME_METHOD)? {
            Some(set_name) => {
                vm.call(&set_name, &[name])?;
            }
            // (Reported at the line that called `asyncio.create_task`.)
            None => crate::runtime::modules::deprecation_warning(
                vm,
                1,
                "Task.set_name() was added in Python 3.8, the method support will be \
                 mandatory for third-party task implementations since 3.13.",
            ),
        }
    }
    Ok(task)
}

/// `_tulip.current_task(loop)`.
pub fn current_task(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let event_loop = args.pos.first().cloned().unwrap_or(Value::None);
    Ok(vm
        .asyncio
        .current_tasks
        .get(&loop_key(&event_loop))
        .cloned()
        .unwrap_or(Value::None))
}

/// `_tulip.all_tasks(loop)`: the loop's unfinished tasks, as a list.
pub fn all_tasks(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let event_loop = args.pos.first().cloned().unwrap_or(Value::None);
    let tasks: Vec<Value> = vm
        .asyncio
        .all_tasks
        .iter()
        .map(|t| Value::Instance(t.clone()))
        .filter(|t| {
            future_data(t).is_some_and(|d| {
                let d = d.borrow();
                d.state == State::Pending && d.event_loop.is(&event_loop)
            })
        })
        .collect();
    Ok(Value::list(tasks))
}
