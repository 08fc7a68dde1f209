//! Coroutines of asyncio.py that Rust steps without a frame: `sleep` (sleep.rs) and
//! `asyncio.Lock`'s `acquire`, `__aenter__` and `__aexit__` (lock.rs). The functions stay the
//! `async def`s of asyncio.py, so their names, signatures, reprs, never-awaited warnings and
//! traceback lines are the Python code's; but a call makes a coroutine whose body is a small
//! state (`GenBody`) instead of a frame, and a step is a few Rust calls instead of a chain of
//! Python-level calls. Anything unusual (arguments of other types, a loop or a lock whose
//! methods were replaced, a throw or a non-None send before the first step) gives the
//! coroutine its frame and runs the Python body from its start, so the outcome is the Python
//! code's.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::futures::{self, future_data, FutureData, State};
use super::lock::{self, LockCode};
use super::queue::{self, QueueCode};
use super::sleep::{self, SleepCode};
use crate::compile::code::{Code, Instr};
use crate::runtime::deque::exact_deque;
use crate::runtime::instdict;
use crate::vm::dispatch::{Resume, SendResult};
use crate::vm::inst_attrs::InstanceAttrs;
use crate::vm::object::{
    type_epoch, Class, Function, GenBody, Generator, GeneratorState, Instance, Module,
    TracebackEntry,
};
use crate::vm::symbol::{intern, sym, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

/// The stepped functions, found once asyncio.py has run.
#[derive(Default)]
pub struct Stepped {
    pub sleep: Option<SleepCode>,
    pub lock: Option<LockCode>,
    pub queue: Option<QueueCode>,
}

/// Finds the stepped functions in the asyncio module and marks their code.
pub fn register(vm: &mut Vm, module: &Module) {
    let stepped = Stepped {
        sleep: sleep::find(module),
        lock: lock::find(module),
        queue: queue::find(module),
    };
    for code in stepped.sleep.iter().map(|s| &s.function.code) {
        code.mark_native_path();
    }
    for f in stepped.lock.iter().flat_map(|l| l.functions()) {
        f.code.mark_native_path();
    }
    for f in stepped.queue.iter().flat_map(|q| q.functions()) {
        f.code.mark_native_path();
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
    if let Some(body) = stepped.lock.as_ref().and_then(|l| l.body_for(func, args)) {
        return Some(body);
    }
    stepped.queue.as_ref()?.body_for(func, args)
}

/// Runs a whole call of a (non-coroutine) marked function with the positional `args`, or
/// None if the Python function must run.
pub fn call(vm: &mut Vm, func: &Function, args: &[Value]) -> Option<PyResult<Value>> {
    queue::call(vm, func, args)
}

/// Takes one step of a coroutine with a native body: `Ok` with the outcome, or `Err` giving
/// `resume` back when the generator has a frame (perhaps just given) for the caller to run.
pub fn step(
    vm: &mut Vm,
    gen: &Rc<Generator>,
    resume: Resume,
) -> Result<PyResult<SendResult>, Resume> {
    // Every send to a generator comes here: most are not asyncio.py's, which one flag says.
    if !gen.code.native_path.get() {
        return Err(resume);
    }
    let body = gen.body.take();
    if matches!(body, GenBody::Empty | GenBody::Frame(_)) {
        gen.body.set(body);
        return Err(resume);
    }
    // Running while the step runs: code it calls cannot resume or close the coroutine.
    let before = gen.state.replace(GeneratorState::Running);
    let outcome = match body {
        GenBody::LockAcquire { .. } | GenBody::LockExit(_) | GenBody::LockWaiting(_) => {
            lock::step(vm, gen, body, resume)
        }
        GenBody::QueuePut(_) | GenBody::QueueGet(_) | GenBody::QueueWaiting(_) => {
            queue::step(vm, gen, body, resume)
        }
        _ => sleep::step(vm, gen, body, resume),
    };
    let outcome = match outcome {
        Ok(outcome) => outcome,
        Err(resume) => {
            // The Python body takes over (from its start).
            gen.state.set(before);
            return Err(resume);
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
        GenBody::SleepAwaiting(_)
        | GenBody::SleepYielded(_)
        | GenBody::SleepTimer(_)
        | GenBody::SleepDue(_)
        | GenBody::SleepFired
        | GenBody::SleepMaterialized(_) => stepped.sleep.as_ref()?.suspended_pc(body),
        GenBody::LockWaiting(w) => stepped.lock.as_ref().map(|l| l.suspended_pc(w)),
        GenBody::QueueWaiting(w) => stepped.queue.as_ref().map(|q| q.suspended_pc(w)),
        _ => None,
    })
}

/// Gives a coroutine that has not started the frame of `function`, with `locals` bound
/// (the rest unbound), so that the Python body runs.
pub(super) fn give_frame(vm: &mut Vm, gen: &Generator, function: &Function, locals: Vec<Value>) {
    let mut frame = vm.empty_frame(&function.code, &function.globals);
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

/// A class of asyncio.py whose instances the native steps work on, while the class is as
/// asyncio.py defines it.
pub(super) struct PlainClass {
    pub class: Rc<Class>,
    /// What the class has for the methods the native steps stand for (which instances must
    /// not shadow).
    methods: Vec<(Symbol, Option<Value>)>,
    /// What it has for the attributes the steps read and write (nothing, or `_loop = None`)
    /// and for the attribute hooks (`__setattr__`, ...): a change there changes what the
    /// Python code would do too.
    class_attrs: Vec<(Symbol, Option<Value>)>,
    /// The methods' names' `InstanceAttrs::bit`s: most instances hold none of them.
    names_mask: u64,
    /// The methods' names, sorted (a dense array to search, not the pairs above).
    method_ids: Box<[u32]>,
    /// For each summary bit, the one method name with that bit (`u32::MAX`: none, or
    /// several, which `method_ids` then decides).
    method_by_bit: Box<[u32; 64]>,
    /// The type epoch at which the class was last found unchanged (0: not yet, or changed).
    checked_epoch: Cell<u64>,
}

impl PlainClass {
    pub fn new(class: &Rc<Class>, methods: &[&str], attrs: &[&str]) -> Option<PlainClass> {
        const HOOKS: [&str; 4] = [
            "__getattribute__",
            "__getattr__",
            "__setattr__",
            "__delattr__",
        ];
        let now = |name: &&str| (intern(name), class.lookup(intern(name)));
        let methods: Vec<_> = methods.iter().map(now).collect();
        if methods.iter().any(|(_, m)| m.is_none()) {
            return None;
        }
        let class_attrs = attrs.iter().chain(HOOKS.iter()).map(now).collect();
        let names_mask = methods
            .iter()
            .fold(0, |m, (n, _)| m | InstanceAttrs::bit(*n));
        let mut method_ids: Vec<u32> = methods.iter().map(|(n, _)| n.0).collect();
        method_ids.sort_unstable();
        let mut method_by_bit = Box::new([u32::MAX; 64]);
        for &id in &method_ids {
            let shared = method_ids.iter().filter(|&&o| o & 63 == id & 63).count() > 1;
            if !shared {
                method_by_bit[(id & 63) as usize] = id;
            }
        }
        Some(PlainClass {
            class: class.clone(),
            methods,
            class_attrs,
            names_mask,
            method_ids: method_ids.into(),
            method_by_bit,
            checked_epoch: Cell::new(0),
        })
    }

    pub fn function(&self, name: &str) -> Option<Rc<Function>> {
        match self.class.lookup(intern(name)) {
            Some(Value::Function(f)) => Some(f),
            _ => None,
        }
    }

    /// `v`, if it is an instance of the class itself, the class's methods are unchanged, and
    /// the instance does not shadow one of them.
    pub fn instance(&self, v: &Value) -> Option<Rc<Instance>> {
        match v {
            Value::Instance(inst) if self.is_plain(inst) => Some(inst.clone()),
            _ => None,
        }
    }

    /// Is `inst` an instance of the class itself, whose methods are unchanged and not
    /// shadowed by the instance? (`instance`, for a caller that holds the instance already.)
    pub fn is_plain(&self, inst: &Instance) -> bool {
        if !Rc::ptr_eq(&inst.class, &self.class) {
            return false;
        }
        let epoch = type_epoch();
        if self.checked_epoch.get() != epoch {
            let same =
                |(name, then): &(Symbol, Option<Value>)| match (self.class.lookup(*name), then) {
                    (Some(now), Some(then)) => now.is(then),
                    (None, None) => true,
                    _ => false,
                };
            let unchanged = self.methods.iter().all(same) && self.class_attrs.iter().all(same);
            self.checked_epoch.set(if unchanged { epoch } else { 0 });
            if !unchanged {
                return false;
            }
        }
        let attrs = inst.dict.borrow();
        // A promoted `__dict__` (instdict) may hold any name: not plain.
        let promoted = attrs.first().is_some_and(|(k, _)| *k == sym::DICT);
        // (Instances hold a few attributes: those whose summary bit a method's name shares
        // are looked up among the method names.)
        let shadowed = promoted
            || (attrs.mask() & self.names_mask != 0
                && attrs.iter().any(|(k, _)| {
                    self.names_mask & InstanceAttrs::bit(*k) != 0
                        && match self.method_by_bit[(k.0 & 63) as usize] {
                            u32::MAX => self.method_ids.binary_search(&k.0).is_ok(),
                            id => id == k.0,
                        }
                }));
        !shadowed
    }
}

/// `v`, if it is a `_Deque` itself (not a subclass).
pub(super) fn plain_deque(v: &Value) -> Option<&crate::runtime::deque::DequeData> {
    match v {
        Value::Instance(i) => exact_deque(i),
        _ => None,
    }
}

/// `obj._get_loop().create_future()` (`_LoopBoundMixin`), natively when `obj` is bound to
/// the running loop or to none yet and the loop is one of tulip's; None otherwise (the Python
/// method must run: it may raise).
pub(super) fn bound_loop_future(vm: &mut Vm, obj: &Rc<Instance>) -> Option<PyResult<Value>> {
    let loop_name = intern("_loop");
    // `events._get_running_loop()`: outside a loop the Python method goes on with None.
    let event_loop = vm.asyncio.running_loop.clone();
    if event_loop.is_none() {
        return None;
    }
    match instdict::get(obj, loop_name) {
        None | Some(Value::None) => instdict::set(obj, loop_name, event_loop.clone()),
        Some(bound) if bound.is(&event_loop) => {}
        Some(_) => return None,
    }
    if !super::events::creates_native_futures(&event_loop) {
        return None;
    }
    Some(futures::new_future(vm, &event_loop))
}

/// The state of `v` if it is a `Future` of the native class itself with no attributes of its
/// own (which could shadow its methods): its methods may then be done natively.
pub(super) fn plain_future<'a>(vm: &Vm, v: &'a Value) -> Option<&'a RefCell<FutureData>> {
    match v {
        Value::Instance(i) if futures::is_exact_future(vm, v) && i.dict.borrow().is_empty() => {
            future_data(v)
        }
        _ => None,
    }
}

/// Python sets the `__context__` of an exception raised while another was being handled;
/// for one raised in cleanup done natively, `handled` goes at the end of its context chain
/// (after any exception Python code in there was handling).
pub(super) fn chain_context(vm: &Vm, err: &PyErr, handled: Value) {
    let mut last = err.exc.clone();
    for _ in 0..100 {
        let next = last
            .exception_data()
            .and_then(|d| d.borrow().context.clone());
        match next {
            Some(Value::Instance(next)) if !handled.is(&Value::Instance(next.clone())) => {
                last = next
            }
            Some(_) => return,
            None => break,
        }
    }
    vm.set_context(&PyErr { exc: last }, handled);
}

/// `if not fut.done(): fut.set_result(value)`; whether it was not done.
pub(super) fn set_result_if_pending(vm: &mut Vm, fut: &Value, value: Value) -> PyResult<bool> {
    match plain_future(vm, fut) {
        Some(data) => {
            if data.borrow().state != State::Pending {
                return Ok(false);
            }
            futures::set_result(vm, fut, data, value)?;
        }
        None => {
            let done = vm.call_method(fut, intern("done"), &[])?;
            if vm.truthy(&done)? {
                return Ok(false);
            }
            vm.call_method(fut, intern("set_result"), &[value])?;
        }
    }
    Ok(true)
}

/// `waiters.append(v)`.
pub(super) fn append(vm: &mut Vm, waiters: &Value, v: &Value) -> PyResult<()> {
    match plain_deque(waiters) {
        Some(d) => d.push_back(v.clone()),
        None => {
            vm.call_method(waiters, intern("append"), std::slice::from_ref(v))?;
        }
    }
    Ok(())
}

/// `waiters.remove(v)`.
pub(super) fn remove(vm: &mut Vm, waiters: &Value, v: &Value) -> PyResult<()> {
    match plain_deque(waiters) {
        Some(d) => d.remove(vm, v),
        None => vm
            .call_method(waiters, intern("remove"), std::slice::from_ref(v))
            .map(drop),
    }
}

/// The first instruction of `code` that loads the attribute or method `name` (where a
/// traceback points for an error in that call).
pub(super) fn pc_loading(code: &Code, name: &str) -> Option<u32> {
    let wanted = |i: u32| {
        code.names
            .get(i as usize)
            .is_some_and(|n| n.as_str() == name)
    };
    let pc = code.instrs.iter().position(|instr| match *instr {
        Instr::LoadAttr(i) | Instr::LoadMethod(i) => wanted(i),
        Instr::LoadFastAttr(_, i) | Instr::LoadFastMethod(_, i) => wanted(i),
        _ => false,
    });
    pc.map(|pc| pc as u32)
}
