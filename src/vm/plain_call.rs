//! The common call and return, on the frame stack alone: a plain Python function
//! (`Code::plain_call_argc`) called with exactly its positional parameters gets a pooled frame
//! with the arguments moved in, and a plain frame's return hands its value to the frame below and
//! pools its own. The fast loop (`vm::fastpath`) makes both without going back to the VM, as
//! CPython 3.11 runs a Python-to-Python call inside the same evaluation loop; the VM's
//! `Call`/`ReturnValue` make them too, and take every other case.

use std::rc::Rc;

use super::dispatch::clear_values;
use super::frame::{Frame, FrameExit, Frames};
use super::object::{Class, Function, Instance, Module, Payload};
use super::value::Value;
use crate::compile::code::Code;

/// What decides whether a call may push its frame here.
pub(super) struct CallLimits<'a> {
    /// Calls push frames only while the stack is shorter (the recursion limit; 0 under a step
    /// budget, whose calls the VM counts).
    pub max_depth: usize,
    /// `object.__new__`, which a plain class does not override.
    pub object_new: &'a Value,
}

/// Frames the pool keeps, and the largest stack buffer it keeps (bigger ones are freed).
pub(super) const POOL_FRAMES: usize = 256;
pub(super) const POOL_MAX_STACK: usize = 1024;

/// Pushes the frame of a call whose callable sits at `at` on the running frame's stack,
/// followed (for `CallMethod`) by a receiver or an empty slot, then `argc` arguments, if the
/// callable is a plain function taking exactly those arguments, or a plain class
/// (`Class::plain_init`) whose `__init__` takes them after the new instance, and the stack
/// holds fewer than `max_depth` frames. Returns false, having changed nothing, otherwise.
#[inline(always)]
pub(super) fn call_function(
    frames: &mut Frames,
    pool: &mut Frames,
    at: usize,
    argc: usize,
    method: bool,
    limits: &CallLimits,
) -> bool {
    match frames.last().and_then(|caller| caller.stack.get(at)) {
        Some(Value::Function(_)) => push_call_frame(frames, pool, at, argc, method, limits, None),
        Some(Value::Class(_)) => call_class(frames, pool, at, argc, method, limits),
        _ => false,
    }
}

/// `call_function` for a class: kept out of line, as a call of a function is the one to be
/// lean.
#[inline(never)]
fn call_class(
    frames: &mut Frames,
    pool: &mut Frames,
    at: usize,
    argc: usize,
    method: bool,
    limits: &CallLimits,
) -> bool {
    let Some(Value::Class(cls)) = frames.last().and_then(|f| f.stack.get(at)) else {
        return false;
    };
    let cls = cls.clone();
    match cls.plain_init(limits.object_new) {
        Some(init) => push_call_frame(frames, pool, at, argc, method, limits, Some((init, cls))),
        None => false,
    }
}

/// The frame of the function at `at` called with the arguments above it, or of a class's
/// `__init__` (`init`) called with a new instance of the class and those arguments, if the
/// function takes exactly those.
#[inline(always)]
fn push_call_frame(
    frames: &mut Frames,
    pool: &mut Frames,
    at: usize,
    argc: usize,
    method: bool,
    limits: &CallLimits,
    init: Option<(Rc<Function>, Rc<Class>)>,
) -> bool {
    let depth = frames.len();
    let Some(caller) = frames.last_mut() else {
        return false;
    };
    let (func, class) = match (&init, caller.stack.get(at)) {
        (Some((init, class)), _) => (init, Some(class)),
        (None, Some(Value::Function(func))) => (func, None),
        _ => return false,
    };
    let has_self = method && caller.stack.get(at + 1).is_some_and(|v| !v.is_undef());
    let nargs = argc + has_self as usize;
    let code = &func.code;
    if code.plain_call_argc.get() as usize != nargs + class.is_some() as usize
        || depth >= limits.max_depth
    {
        return false;
    }
    let nlocals = code.nlocals();
    let mut new = pooled_plain_frame(pool, code, &func.globals);
    if let Some(cls) = class {
        // `object.__new__(cls)`, then `__init__(instance, *args)` returning it.
        let obj = Value::Instance(Rc::new(Instance::new(cls.clone(), Payload::Plain)));
        new.stack.push(obj.clone());
        new.exit = FrameExit::Init(obj);
    }
    let first = caller.stack.len() - nargs;
    move_args(&mut caller.stack, first, &mut new.stack);
    // The callable, and above it the empty receiver slot of a plain function called as a
    // method (`Undef`: nothing to drop).
    debug_assert!(caller.stack.len() == at + 1 || caller.stack[at + 1].is_undef());
    if caller.stack.len() > at {
        // SAFETY: `at` is below the length; the callable is read out once and the length
        // cut below it, so it has one owner.
        let callable = unsafe {
            let callable = std::ptr::read(caller.stack.as_ptr().add(at));
            caller.stack.set_len(at);
            callable
        };
        callable.discard();
    }
    fill_unbound(&mut new.stack, nlocals);
    push_frame(frames, new);
    true
}

/// `pooled_frame` for code whose frame is plain (`Code::plain_call_argc`: never a
/// generator's, so it always comes from the pool when the pool has one). Pooled frames keep
/// `FrameExit::Push` (`Vm::recycle`, `return_to_caller`).
#[inline(always)]
fn pooled_plain_frame(pool: &mut Frames, code: &Rc<Code>, globals: &Rc<Module>) -> Box<Frame> {
    let Some(mut f) = pool.pop() else {
        return Box::new(Frame::empty(code.clone(), globals.clone()));
    };
    debug_assert!(matches!(f.exit, FrameExit::Push) && f.stack.is_empty());
    // A pooled frame often last ran this very code (recursion, a loop of calls): then it
    // already holds the right references.
    if !Rc::ptr_eq(&f.code, code) {
        f.code = code.clone();
    }
    if !Rc::ptr_eq(&f.globals, globals) {
        f.globals = globals.clone();
    }
    let size = code.frame_size as usize;
    if f.stack.capacity() < size {
        f.stack.reserve(size);
    }
    f.pc = 0;
    f
}

/// Moves `from[first..]` (the arguments) onto `to`, the new frame's empty stack, which has
/// room for them (its code's `frame_size` covers every parameter).
#[inline(always)]
fn move_args(from: &mut Vec<Value>, first: usize, to: &mut Vec<Value>) {
    let n = from.len() - first;
    if to.capacity() - to.len() < n {
        to.reserve(n);
    }
    // SAFETY: `to` has room for `n` more; `from` holds `n` values from `first`, which are
    // moved: `from`'s length is cut to `first` first, so each value has exactly one owner.
    unsafe {
        from.set_len(first);
        let src = from.as_ptr().add(first);
        let dst = to.as_mut_ptr().add(to.len());
        for k in 0..n {
            std::ptr::write(dst.add(k), std::ptr::read(src.add(k)));
        }
        to.set_len(to.len() + n);
    }
}

/// Returns from the running frame to the one below it when the running frame is a plain call
/// (no generator, it uses none of `FrameExtras`) whose value goes on the caller's stack, or a
/// plain class's `__init__` that returned None (the instance goes there), and the one below
/// belongs to the same run (`base`). `value` is the value returned, already taken off the
/// running frame. Gives it back, having changed nothing else, otherwise.
#[inline(always)]
pub(super) fn return_to_caller(
    frames: &mut Frames,
    pool: &mut Frames,
    base: usize,
    value: Value,
) -> Result<(), Value> {
    if frames.len() <= base + 1 {
        return Err(value);
    }
    let Some(top) = frames.last_mut() else {
        return Err(value);
    };
    if top.generator.is_some() || !top.has_no_extras() {
        return Err(value);
    }
    // (`Push` tested alone: a `match` over the variants costs a range computation on the
    // niche-encoded tag first.)
    let result = if matches!(top.exit, FrameExit::Push) {
        value
    } else {
        init_result(top, value)?
    };
    if let Some(mut done) = frames.pop() {
        if pool.len() < POOL_FRAMES && done.stack.capacity() <= POOL_MAX_STACK {
            clear_values(&mut done.stack);
            pool.push(done);
        }
    }
    if let Some(caller) = frames.last_mut() {
        caller.stack.push(result);
    }
    Ok(())
}

/// What a plain class's `__init__` frame gives its caller: the new instance, when `__init__`
/// returned None (`value`; anything else raises, which the VM does). Gives `value` back for any
/// other exit but `Push`. Out of line: the plain return is the one to be lean.
#[inline(never)]
fn init_result(top: &mut Frame, value: Value) -> Result<Value, Value> {
    if !matches!(top.exit, FrameExit::Init(_)) || !value.is_none() {
        return Err(value);
    }
    match std::mem::replace(&mut top.exit, FrameExit::Push) {
        FrameExit::Init(instance) => Ok(instance),
        _ => Err(value),
    }
}

/// Extends `stack` with unbound locals up to `nlocals` values.
#[inline(always)]
pub(super) fn fill_unbound(stack: &mut Vec<Value>, nlocals: usize) {
    let len = stack.len();
    if len >= nlocals {
        return;
    }
    stack.reserve(nlocals - len);
    // SAFETY: room for `nlocals` values was reserved; each slot from `len` is written once
    // before the length covers it.
    unsafe {
        let p = stack.as_mut_ptr();
        for k in len..nlocals {
            std::ptr::write(p.add(k), Value::Undef);
        }
        stack.set_len(nlocals);
    }
}

/// `frames.push(frame)`, with the growth out of the way of the common case.
#[inline(always)]
fn push_frame(frames: &mut Frames, frame: Box<Frame>) {
    if frames.len() == frames.capacity() {
        frames.reserve(1);
    }
    // SAFETY: there is room for one more (reserved just above if there was not).
    unsafe {
        std::ptr::write(frames.as_mut_ptr().add(frames.len()), frame);
        frames.set_len(frames.len() + 1);
    }
}
