//! `asyncio.Queue`'s `put()` and `get()` coroutines, stepped in Rust (see stepped.rs): the
//! control flow of asyncio.py's methods, on the same instance attributes, with each method
//! they call (`full`, `put_nowait`, `_wakeup_next`, ...) done natively while the attributes
//! hold what Queue keeps there, and called in Python otherwise. Only for instances of `Queue`
//! itself (PriorityQueue and LifoQueue redefine `_put`/`_get`) while its methods are
//! asyncio.py's.

use std::rc::Rc;

use super::futures::{self, State};
use super::stepped::{
    append, bound_loop_future, chain_context, give_frame, pc_loading, plain_deque, plain_future,
    positions, raised_from, remove, set_result_if_pending, PlainClass,
};
use crate::compile::code::Instr;
use crate::runtime::instdict;
use crate::vm::dispatch::{FrameResult, Resume, SendResult};
use crate::vm::inst_attrs::InstanceAttrs;
use crate::vm::object::{Function, GenBody, Generator, Instance, Module};
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// A `put` (holding its item) or a `get` waiting for its future.
pub struct Waiting {
    queue: Rc<Instance>,
    future: Value,
    /// What `await future` drives when the future is not one of tulip's own (a loop's
    /// `create_future` made it): its `__await__` iterator.
    awaiting: Option<Value>,
    item: Option<Value>,
}

/// asyncio.py's `Queue` (and `Event`, for `_finished.clear()`).
pub struct QueueCode {
    class: PlainClass,
    event: PlainClass,
    put: Rc<Function>,
    get: Rc<Function>,
    task_done: Rc<Function>,
    /// The `Send` of `await putter` in `put` and of `await getter` in `get`.
    put_send_pc: u32,
    get_send_pc: u32,
    names: Names,
}

#[derive(Clone, Copy)]
struct Names {
    maxsize: Symbol,
    queue: Symbol,
    getters: Symbol,
    putters: Symbol,
    unfinished: Symbol,
    finished: Symbol,
    value: Symbol,
    waiters: Symbol,
}

pub fn find(module: &Module) -> Option<QueueCode> {
    let globals = module.globals.borrow();
    let (Some(Value::Class(queue)), Some(Value::Class(event))) =
        (globals.get(intern("Queue")), globals.get(intern("Event")))
    else {
        return None;
    };
    let names = [
        "put",
        "get",
        "put_nowait",
        "get_nowait",
        "full",
        "empty",
        "qsize",
        "_put",
        "_get",
        "_wakeup_next",
        "_get_loop",
        "task_done",
    ];
    let attrs = [
        "_maxsize",
        "_queue",
        "_getters",
        "_putters",
        "_unfinished_tasks",
        "_finished",
        "_loop",
    ];
    let class = PlainClass::new(queue, &names, &attrs)?;
    let (put, get) = (class.function("put")?, class.function("get")?);
    let task_done = class.function("task_done")?;
    let send = |f: &Function| {
        positions(&f.code, |i| matches!(i, Instr::Send))
            .first()
            .copied()
    };
    Some(QueueCode {
        put_send_pc: send(&put)?,
        get_send_pc: send(&get)?,
        event: PlainClass::new(event, &["clear", "set"], &["_value", "_waiters"])?,
        class,
        put,
        get,
        task_done,
        names: Names {
            maxsize: intern("_maxsize"),
            queue: intern("_queue"),
            getters: intern("_getters"),
            putters: intern("_putters"),
            unfinished: intern("_unfinished_tasks"),
            finished: intern("_finished"),
            value: intern("_value"),
            waiters: intern("_waiters"),
        },
    })
}

impl QueueCode {
    pub fn functions(&self) -> [&Rc<Function>; 3] {
        [&self.put, &self.get, &self.task_done]
    }

    /// The body of a new `put(item)`/`get()` coroutine for the receiver `args[0]`, if it is
    /// a plain `Queue`.
    pub fn body_for(&self, func: &Function, args: &[Value]) -> Option<GenBody> {
        let code = &func.code;
        if Rc::ptr_eq(code, &self.put.code) {
            let [queue, item] = args else { return None };
            let queue = self.class.instance(queue)?;
            Some(GenBody::QueuePut(Box::new((queue, item.clone()))))
        } else if Rc::ptr_eq(code, &self.get.code) {
            Some(GenBody::QueueGet(self.class.instance(args.first()?)?))
        } else {
            None
        }
    }

    pub fn suspended_pc(&self, w: &Waiting) -> u32 {
        if w.item.is_some() {
            self.put_send_pc
        } else {
            self.get_send_pc
        }
    }
}

/// The registered Queue code; only its coroutines and calls get here.
fn queue_code(vm: &Vm) -> &QueueCode {
    let code = vm.asyncio.stepped.queue.as_ref();
    code.expect("asyncio.Queue's code is registered before any of its coroutines runs")
}

/// One step of a `put`/`get` coroutine (see `stepped::step`).
pub fn step(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    body: GenBody,
    resume: Resume,
) -> Result<PyResult<SendResult>, Resume> {
    let Some(code) = &vm.asyncio.stepped.queue else {
        return Err(resume);
    };
    let fresh = matches!(&resume, Resume::Send(v) if v.is_none());
    let (queue, item, waited) = match body {
        GenBody::QueuePut(b) if fresh => (b.0, Some(b.1), None),
        GenBody::QueueGet(q) if fresh => (q, None, None),
        GenBody::QueuePut(b) => {
            let (queue, item) = *b;
            let function = code.put.clone();
            give_frame(vm, gen, &function, vec![Value::Instance(queue), item]);
            return Err(resume);
        }
        GenBody::QueueGet(queue) => {
            let function = code.get.clone();
            give_frame(vm, gen, &function, vec![Value::Instance(queue)]);
            return Err(resume);
        }
        GenBody::QueueWaiting(w) => {
            let Waiting {
                queue,
                future,
                awaiting,
                item,
            } = *w;
            (queue, item, Some((future, awaiting, resume)))
        }
        other => {
            gen.body.set(other);
            return Err(resume);
        }
    };
    let is_put = item.is_some();
    Ok(run(vm, gen, queue, item, waited).map_err(|(e, at)| {
        let code = vm.asyncio.stepped.queue.as_ref().expect("checked above");
        let function = if is_put { &code.put } else { &code.get };
        let pc = match at {
            At::Await => Some(if is_put {
                code.put_send_pc
            } else {
                code.get_send_pc
            }),
            At::Call(name) => pc_loading(&function.code, name),
        };
        match pc {
            Some(pc) => raised_from(e, &[(&function.code, pc)]),
            None => e,
        }
    }))
}

/// Where in `put`/`get` an error arose: at the await, or in a call of the named method.
enum At {
    Await,
    Call(&'static str),
}

type Raised = (PyErr, At);

fn at(name: &'static str) -> impl Fn(PyErr) -> Raised {
    move |e| (e, At::Call(name))
}

/// `put`'s `while self.full(): <wait for a putter>` then `self.put_nowait(item)`, or `get`'s
/// `while self.empty(): <wait for a getter>` then `self.get_nowait()`, from the top or from
/// the wake-up of `waited` (the future, what the await drives, and how the coroutine was
/// resumed). Each method is done natively while the queue is plain, else called.
fn run(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    queue: Rc<Instance>,
    mut item: Option<Value>,
    mut waited: Option<(Value, Option<Value>, Resume)>,
) -> Result<SendResult, Raised> {
    let code = queue_code(vm);
    let names = code.names;
    let is_put = item.is_some();
    let waiters_name = if is_put { names.putters } else { names.getters };
    loop {
        if let Some((future, awaiting, resume)) = waited.take() {
            let outcome = match &awaiting {
                None => futures::await_step(vm, &future, resume),
                Some(it) => drive(vm, it, resume),
            };
            match outcome {
                Ok(SendResult::Yielded(v)) => {
                    let w = Waiting {
                        queue,
                        future,
                        awaiting,
                        item,
                    };
                    gen.body.set(GenBody::QueueWaiting(Box::new(w)));
                    return Ok(SendResult::Yielded(v));
                }
                Ok(SendResult::Returned(_)) => {}
                Err(e) => return Err(gave_up(vm, names, &queue, &future, is_put, e)),
            }
        }
        // The class may have changed while the coroutine waited.
        let plain = is_plain(vm, &queue);
        match item {
            Some(it) => match try_put(vm, names, plain, &queue, it)? {
                Ok(returned) => return Ok(SendResult::Returned(returned)),
                Err(it) => item = Some(it),
            },
            None => {
                if let Some(got) = try_get(vm, names, plain, &queue)? {
                    return Ok(SendResult::Returned(got));
                }
            }
        }
        // `waiter = self._get_loop().create_future(); self._putters.append(waiter)`
        let native = if plain {
            bound_loop_future(vm, &queue)
        } else {
            None
        };
        let future = match native {
            Some(f) => f.map_err(at("_get_loop"))?,
            None => {
                let q = Value::Instance(queue.clone());
                let event_loop = vm
                    .call_method(&q, intern("_get_loop"), &[])
                    .map_err(at("_get_loop"))?;
                vm.call_method(&event_loop, intern("create_future"), &[])
                    .map_err(at("_get_loop"))?
            }
        };
        let waiters = attr(vm, plain, &queue, waiters_name).map_err(at("append"))?;
        append(vm, &waiters, &future).map_err(at("append"))?;
        // `await waiter`: a native future is its own await iterator.
        let awaiting = if futures::is_exact_native(vm, &future) {
            None
        } else {
            match vm.get_awaitable(future.clone()) {
                Ok(it) => Some(it),
                // Inside the `try:`: the `except:` cleans up.
                Err(e) => return Err(gave_up(vm, names, &queue, &future, is_put, e)),
            }
        };
        waited = Some((future, awaiting, Resume::Send(Value::None)));
    }
}

/// Whether `queue` is (still) a plain `Queue`, whose methods the steps may do natively.
fn is_plain(vm: &Vm, queue: &Rc<Instance>) -> bool {
    let code = vm.asyncio.stepped.queue.as_ref();
    code.is_some_and(|c| c.class.is_plain(queue))
}

/// One step of a foreign future's await iterator.
fn drive(vm: &mut Vm, it: &Value, resume: Resume) -> PyResult<SendResult> {
    match (it, resume) {
        (Value::Generator(g), resume) => Ok(match vm.resume_generator(g, resume)? {
            FrameResult::Returned(v) => SendResult::Returned(v),
            FrameResult::Yielded(v) | FrameResult::AsyncGenYielded(v) => SendResult::Yielded(v),
        }),
        (_, Resume::Send(v)) => vm.send_native(it, v),
        (_, Resume::Throw(e)) => vm.throw_native(it, e),
    }
}

/// The `except:` of `put`/`get` when the wait ended in an exception: cancel the waiter, drop
/// it from the waiters, pass a wake-up it took on to the next in line, and re-raise (an
/// error in there replaces the exception, which becomes its `__context__`).
fn gave_up(
    vm: &mut Vm,
    names: Names,
    queue: &Rc<Instance>,
    future: &Value,
    is_put: bool,
    e: PyErr,
) -> Raised {
    let result = (|| -> Result<(), Raised> {
        match plain_future(vm, future) {
            Some(data) => {
                futures::cancel(vm, future, data, Value::None).map_err(at("cancel"))?;
            }
            None => {
                vm.call_method(future, intern("cancel"), &[])
                    .map_err(at("cancel"))?;
            }
        }
        let waiters_name = if is_put { names.putters } else { names.getters };
        let plain = is_plain(vm, queue);
        let waiters = attr(vm, plain, queue, waiters_name).map_err(at("remove"))?;
        if let Err(err) = remove(vm, &waiters, future) {
            if !err.is_instance_of(&vm.types.value_error) {
                return Err((err, At::Call("remove")));
            }
        }
        // (`remove` may have run Python code.)
        let plain = is_plain(vm, queue);
        let check = if is_put { "full" } else { "empty" };
        let blocked = match (plain, is_put) {
            (true, true) => PutView::take(queue, names).map(|v| v.full()),
            (true, false) => {
                GetView::take(queue, names).and_then(|v| Some(plain_deque(&v.items)?.is_empty()))
            }
            _ => None,
        };
        let blocked = match blocked {
            Some(b) => b,
            None => {
                let q = Value::Instance(queue.clone());
                let r = vm.call_method(&q, intern(check), &[]).map_err(at(check))?;
                vm.truthy(&r).map_err(at(check))?
            }
        };
        if !blocked && !cancelled(vm, future).map_err(at("cancelled"))? {
            let waiters = attr(vm, plain, queue, waiters_name).map_err(at("_wakeup_next"))?;
            wakeup_next(vm, plain, queue, &waiters).map_err(at("_wakeup_next"))?;
        }
        Ok(())
    })();
    match result {
        Ok(()) => (e, At::Await),
        Err((other, where_)) => {
            chain_context(vm, &other, e.value());
            (other, where_)
        }
    }
}

fn cancelled(vm: &mut Vm, future: &Value) -> PyResult<bool> {
    match plain_future(vm, future) {
        Some(data) => Ok(data.borrow().state == State::Cancelled),
        None => {
            let c = vm.call_method(future, intern("cancelled"), &[])?;
            vm.truthy(&c)
        }
    }
}

/// `queue.<name>`: read from the instance while the queue is plain, else as Python reads it.
fn attr(vm: &mut Vm, plain: bool, queue: &Rc<Instance>, name: Symbol) -> PyResult<Value> {
    match instdict::get(queue, name).filter(|_| plain) {
        Some(v) => Ok(v),
        None => vm.get_attr(&Value::Instance(queue.clone()), name),
    }
}

/// What `put` reads of a queue, when the attributes hold what Queue keeps there (read in one
/// look at the instance).
struct PutView {
    maxsize: i64,
    unfinished: i64,
    /// `_queue` and `_getters`: plain deques.
    items: Value,
    getters: Value,
    finished: Value,
}

/// What `get` reads: `_queue` and `_putters`, plain deques.
struct GetView {
    items: Value,
    putters: Value,
}

fn plain_deque_attr(attrs: &InstanceAttrs, name: Symbol) -> Option<Value> {
    attrs
        .get(&name)
        .filter(|v| plain_deque(v).is_some())
        .cloned()
}

impl PutView {
    fn take(queue: &Instance, names: Names) -> Option<PutView> {
        let attrs = queue.dict.borrow();
        // One pass over the instance's few attributes: five look-ups would scan them five times.
        let wanted = [
            names.maxsize,
            names.unfinished,
            names.queue,
            names.getters,
            names.finished,
        ];
        let mut found = [None; 5];
        for (name, value) in attrs.iter() {
            if let Some(i) = wanted.iter().position(|w| w == name) {
                found[i] = Some(value);
            }
        }
        let [Some(maxsize), Some(unfinished), Some(items), Some(getters), Some(finished)] = found
        else {
            return None;
        };
        let (Value::Int(maxsize), Value::Int(unfinished)) = (maxsize, unfinished) else {
            return None;
        };
        plain_deque(items)?;
        plain_deque(getters)?;
        Some(PutView {
            maxsize: *maxsize,
            unfinished: *unfinished,
            items: items.clone(),
            getters: getters.clone(),
            finished: finished.clone(),
        })
    }

    fn full(&self) -> bool {
        let len = plain_deque(&self.items).map_or(0, |d| d.len());
        self.maxsize > 0 && len as i64 >= self.maxsize
    }
}

impl GetView {
    fn take(queue: &Instance, names: Names) -> Option<GetView> {
        let attrs = queue.dict.borrow();
        Some(GetView {
            items: plain_deque_attr(&attrs, names.queue)?,
            putters: plain_deque_attr(&attrs, names.putters)?,
        })
    }
}

/// `if not self.full(): return self.put_nowait(item)`: Err gives the item back when the
/// queue is full. `put_nowait` is `self._put(item)`, count an unfinished task,
/// `self._finished.clear()`, `self._wakeup_next(self._getters)`.
fn try_put(
    vm: &mut Vm,
    names: Names,
    plain: bool,
    queue: &Rc<Instance>,
    item: Value,
) -> Result<Result<Value, Value>, Raised> {
    let code = queue_code(vm);
    let view = PutView::take(queue, names).filter(|_| plain);
    if view.as_ref().is_some_and(PutView::full) {
        return Ok(Err(item));
    }
    let fast = view.and_then(|v| {
        let finished = code.event.instance(&v.finished)?;
        Some((v.unfinished.checked_add(1)?, finished, v))
    });
    let Some((unfinished, finished, view)) = fast else {
        if call_test(vm, queue, "full")? {
            return Ok(Err(item));
        }
        let q = Value::Instance(queue.clone());
        let returned = vm
            .call_method(&q, intern("put_nowait"), &[item])
            .map_err(at("put_nowait"))?;
        return Ok(Ok(returned));
    };
    if let Some(d) = plain_deque(&view.items) {
        d.push_back(item);
    }
    instdict::set(queue, names.unfinished, Value::Int(unfinished));
    instdict::set(&finished, names.value, Value::FALSE);
    wakeup_next(vm, true, queue, &view.getters).map_err(at("put_nowait"))?;
    Ok(Ok(Value::None))
}

/// `if not self.empty(): return self.get_nowait()`: None when the queue is empty.
/// `get_nowait` is `self._get()`, then `self._wakeup_next(self._putters)`.
fn try_get(
    vm: &mut Vm,
    names: Names,
    plain: bool,
    queue: &Rc<Instance>,
) -> Result<Option<Value>, Raised> {
    let Some(view) = GetView::take(queue, names).filter(|_| plain) else {
        if call_test(vm, queue, "empty")? {
            return Ok(None);
        }
        let q = Value::Instance(queue.clone());
        let got = vm.call_method(&q, intern("get_nowait"), &[]);
        return got.map(Some).map_err(at("get_nowait"));
    };
    let Some(item) = plain_deque(&view.items).and_then(|d| d.pop_front()) else {
        return Ok(None);
    };
    wakeup_next(vm, true, queue, &view.putters).map_err(at("get_nowait"))?;
    Ok(Some(item))
}

/// `self.full()` or `self.empty()`, called.
fn call_test(vm: &mut Vm, queue: &Rc<Instance>, name: &'static str) -> Result<bool, Raised> {
    let q = Value::Instance(queue.clone());
    let r = vm.call_method(&q, intern(name), &[]).map_err(at(name))?;
    vm.truthy(&r).map_err(at(name))
}

/// `self._wakeup_next(waiters)`: the first waiter not done yet gets None; those before it
/// leave the deque.
fn wakeup_next(vm: &mut Vm, plain: bool, queue: &Rc<Instance>, waiters: &Value) -> PyResult<()> {
    let Some(d) = plain_deque(waiters).filter(|_| plain) else {
        let q = Value::Instance(queue.clone());
        vm.call_method(&q, intern("_wakeup_next"), std::slice::from_ref(waiters))?;
        return Ok(());
    };
    while let Some(waiter) = d.pop_front() {
        if set_result_if_pending(vm, &waiter, Value::None)? {
            break;
        }
    }
    Ok(())
}

/// `queue.task_done()` run whole, for a plain `Queue` with unfinished tasks (else None: the
/// Python method runs, and raises if it must).
pub fn call(vm: &mut Vm, func: &Function, args: &[Value]) -> Option<PyResult<Value>> {
    let code = vm.asyncio.stepped.queue.as_ref()?;
    if !Rc::ptr_eq(&func.code, &code.task_done.code) {
        return None;
    }
    let [queue] = args else { return None };
    let queue = code.class.instance(queue)?;
    let names = code.names;
    let Some(Value::Int(n)) = instdict::get(&queue, names.unfinished) else {
        return None;
    };
    if n <= 0 {
        return None;
    }
    instdict::set(&queue, names.unfinished, Value::Int(n - 1));
    if n > 1 {
        return Some(Ok(Value::None));
    }
    let done = attr(vm, true, &queue, names.finished)
        .and_then(|f| event_set(vm, names, &f))
        .map(|_| Value::None);
    Some(done.map_err(|e| {
        // The error left `task_done` at `self._finished.set()`.
        let code = vm.asyncio.stepped.queue.as_ref().expect("checked above");
        match pc_loading(&code.task_done.code, "set") {
            Some(pc) => raised_from(e, &[(&code.task_done.code, pc)]),
            None => e,
        }
    }))
}

/// `event.set()`: wake every waiter not done yet with True.
fn event_set(vm: &mut Vm, names: Names, event: &Value) -> PyResult<Value> {
    let code = queue_code(vm);
    let plain = code.event.instance(event).and_then(|e| {
        let Value::Bool(value) = instdict::get(&e, names.value)? else {
            return None;
        };
        let waiters = instdict::get(&e, names.waiters)?;
        plain_deque(&waiters)?;
        Some((e, value, waiters))
    });
    let Some((event, value, waiters)) = plain else {
        return vm.call_method(event, intern("set"), &[]);
    };
    if value.get() {
        return Ok(Value::None);
    }
    instdict::set(&event, names.value, Value::TRUE);
    let d = plain_deque(&waiters).expect("checked above");
    let state = d.state();
    let mut i = 0;
    while let Some(fut) = d.get(i) {
        set_result_if_pending(vm, &fut, Value::TRUE)?;
        if d.state() != state {
            return Err(vm.runtime_error("deque mutated during iteration"));
        }
        i += 1;
    }
    Ok(Value::None)
}
