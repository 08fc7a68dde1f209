//! The run loop. `run_frames` executes the innermost frame's instructions until the frame it was
//! started for finishes. Python calls push frames onto `Vm::frames` instead of recursing in Rust,
//! and generators/coroutines suspend by moving their frame into the generator object, so any
//! depth of `await` can suspend and deep recursion ends in `RecursionError`, not a crash.

use std::rc::Rc;

use super::frame::{Frame, FrameExit};
use super::object::{GeneratorKind, GeneratorState, Payload};
use super::symbol::sym;
use super::value::Value;
use super::{PyErr, PyResult, Vm};
use crate::compile::code::{Instr, UnaryKind};

/// How a frame started by Rust code ended (besides raising).
#[derive(Debug)]
pub enum FrameResult {
    Returned(Value),
    /// Suspended by a `yield` reached through `await`/`yield from` delegation (or a plain
    /// generator's `yield`).
    Yielded(Value),
    /// An async generator's own `yield`: the value `asend()` produces.
    AsyncGenYielded(Value),
}

/// What a sub-iterator did when sent a value (`Send`, `yield from`, `await`).
pub enum SendResult {
    Yielded(Value),
    Returned(Value),
}

/// How to resume a suspended generator.
pub enum Resume {
    Send(Value),
    Throw(PyErr),
}

macro_rules! frame {
    ($vm:expr) => {
        match $vm.frames.last_mut() {
            Some(f) => f,
            None => unreachable!("run loop without a frame"),
        }
    };
}

impl Vm {
    /// Runs until the frame at index `base` (already pushed) returns, yields or raises.
    pub fn run_frames(&mut self, base: usize) -> PyResult<FrameResult> {
        loop {
            match self.execute(base) {
                Ok(result) => return Ok(result),
                Err(err) => {
                    if let Some(err) = self.unwind(err, base) {
                        return Err(err);
                    }
                }
            }
        }
    }

    /// Finds a handler for `err`, popping frames that have none. Returns the error if it
    /// escapes the frame at `base`.
    fn unwind(&mut self, mut err: PyErr, base: usize) -> Option<PyErr> {
        let reraise = std::mem::replace(&mut self.reraising, false);
        if !reraise {
            self.record_raise(&err);
        }
        loop {
            let frame = frame!(self);
            let pc = frame.current_pc();
            if let Some(h) = frame.code.handler_for(pc) {
                let keep = frame.nlocals() + h.depth as usize;
                frame.stack.truncate(keep);
                frame.stack.push(err.value());
                frame.pc = h.target;
                return None;
            }
            let Some(frame) = self.frames.pop() else {
                return Some(err);
            };
            err = self.frame_raised(frame, err);
            if self.frames.len() <= base {
                return Some(err);
            }
            // The exception continues in the caller, at its call instruction.
            let caller = frame!(self);
            let entry = super::object::TracebackEntry {
                code: caller.code.clone(),
                pc: caller.current_pc(),
            };
            if let Some(data) = err.exc.exception_data() {
                data.borrow_mut().traceback.push(entry);
            }
        }
    }

    /// A frame is being left because of `err`: finish its generator, converting a
    /// `StopIteration` escaping a generator into `RuntimeError` (PEP 479).
    fn frame_raised(&mut self, mut frame: Box<Frame>, err: PyErr) -> PyErr {
        let Some(gen) = frame.generator.take() else {
            self.recycle(frame);
            return err;
        };
        gen.state.set(GeneratorState::Finished);
        self.recycle(frame);
        let stop = &self.types.stop_iteration;
        let stop_async = &self.types.stop_async_iteration;
        let converted = if err.is_instance_of(stop) {
            Some(match gen.kind {
                GeneratorKind::Generator => "generator raised StopIteration",
                GeneratorKind::Coroutine => "coroutine raised StopIteration",
                GeneratorKind::AsyncGenerator => "async generator raised StopIteration",
            })
        } else if gen.kind == GeneratorKind::AsyncGenerator && err.is_instance_of(stop_async) {
            Some("async generator raised StopAsyncIteration")
        } else {
            None
        };
        match converted {
            Some(msg) => {
                let new = self.runtime_error(msg);
                if let Some(d) = new.exc.exception_data() {
                    let mut d = d.borrow_mut();
                    d.cause = Some(err.value());
                    d.context = Some(err.value());
                    d.traceback = err.data().traceback.clone();
                }
                new
            }
            None => err,
        }
    }

    /// A new exception is raised in the innermost frame: add its traceback entry and chain the
    /// exception being handled as its `__context__`.
    fn record_raise(&mut self, err: &PyErr) {
        let Some(frame) = self.frames.last() else {
            return;
        };
        let entry = super::object::TracebackEntry {
            code: frame.code.clone(),
            pc: frame.current_pc(),
        };
        let handled = self.handled_exception();
        if let Some(data) = err.exc.exception_data() {
            data.borrow_mut().traceback.push(entry);
        }
        if let Some(ctx) = handled {
            self.set_context(err, ctx);
        }
    }

    /// CPython's `_PyErr_SetObject` context chaining, cutting cycles.
    pub(crate) fn set_context(&self, err: &PyErr, ctx: Value) {
        let Value::Instance(ctx_inst) = &ctx else {
            return;
        };
        if Rc::ptr_eq(ctx_inst, &err.exc) {
            return;
        }
        // Break a cycle: if err is already in ctx's context chain, cut it there.
        let mut o = ctx_inst.clone();
        loop {
            let next = match o.exception_data() {
                Some(d) => d.borrow().context.clone(),
                None => None,
            };
            match next {
                Some(Value::Instance(n)) => {
                    if Rc::ptr_eq(&n, &err.exc) {
                        if let Some(d) = o.exception_data() {
                            d.borrow_mut().context = None;
                        }
                        break;
                    }
                    o = n;
                }
                _ => break,
            }
        }
        if let Some(d) = err.exc.exception_data() {
            d.borrow_mut().context = Some(ctx);
        }
    }

    /// The exception an `except`/`finally` block is handling, innermost first (`sys.exc_info`).
    pub fn handled_exception(&self) -> Option<Value> {
        self.frames.iter().rev().find_map(|f| f.handled().cloned())
    }

    /// Returns a finished frame's buffers for reuse.
    #[inline]
    pub(crate) fn recycle(&mut self, mut frame: Box<Frame>) {
        // Keep the allocation (frame box and stack buffer) for the next call.
        // (Each field is tested before it is cleared: most are already empty, and clearing
        // runs the out-of-line drop code.)
        use super::plain_call::{POOL_FRAMES, POOL_MAX_STACK};
        if self.frame_pool.len() < POOL_FRAMES && frame.stack.capacity() <= POOL_MAX_STACK {
            clear_values(&mut frame.stack);
            frame.clear_extras();
            if frame.generator.is_some() {
                frame.generator = None;
            }
            // Pooled frames keep `Push` (`plain_call::pooled_plain_frame` relies on it).
            if !matches!(frame.exit, FrameExit::Push) {
                frame.exit = FrameExit::Push;
            }
            self.frame_pool.push(frame);
        }
    }

    /// A frame for `code` with every local unbound, reusing a pooled allocation when there is
    /// one.
    #[inline]
    pub(crate) fn new_frame(
        &mut self,
        code: &Rc<crate::compile::code::Code>,
        globals: &Rc<super::object::Module>,
    ) -> Box<Frame> {
        let mut f = self.empty_frame(code, globals);
        while f.stack.len() < code.nlocals() {
            f.stack.push(Value::Undef);
        }
        f
    }

    /// A frame for `code` whose stack is empty (not even locals yet) with room reserved for
    /// the locals and the deepest value stack.
    #[inline]
    pub(crate) fn empty_frame(
        &mut self,
        code: &Rc<crate::compile::code::Code>,
        globals: &Rc<super::object::Module>,
    ) -> Box<Frame> {
        pooled_frame(&mut self.frame_pool, code, globals)
    }

    /// The hot loop. Returns when the frame at `base` exits, or with the first error (the
    /// frame state is left as it was when the error happened, for `unwind`).
    fn execute(&mut self, base: usize) -> PyResult<FrameResult> {
        loop {
            let budgeted = self.step_budget != u64::MAX;
            let limits = super::fastpath::Limits {
                base,
                calls: super::plain_call::CallLimits {
                    max_depth: if budgeted { 0 } else { self.recursion_limit },
                    object_new: &self.types.object_new,
                },
                budgeted,
            };
            if super::fastpath::run(&mut self.frames, &mut self.frame_pool, &limits).is_none() {
                return Err(self.runtime_error("internal error: ran past the end of code"));
            }
            let frame = frame!(self);
            let instr = frame.code.instrs[frame.pc as usize - 1];
            match instr {
                Instr::Nop => {}
                Instr::Pop => {
                    frame.pop().discard();
                }
                Instr::Copy(n) => {
                    let v = frame.peek(n as usize).clone();
                    frame.push(v);
                }
                Instr::Swap(n) => {
                    let len = frame.stack.len();
                    frame.stack.swap(len - 1, len - n as usize);
                }
                Instr::LoadConst(i) => {
                    let v = frame.code.consts[i as usize].clone();
                    frame.push(v);
                }
                // A head the fast path could not finish stands for its `LoadConst`.
                Instr::LoadConstCompareJump { konst, .. } => {
                    let v = frame.code.consts[konst as usize].clone();
                    frame.push(v);
                }
                // A superinstruction head the fast path could not finish stands for its
                // `LoadFast`; the rest of its sequence follows as plain instructions.
                Instr::LoadFast(_)
                | Instr::LoadFastReturn(_)
                | Instr::LoadFastConstBinary { .. }
                | Instr::LoadFastFastBinary { .. }
                | Instr::LoadFastConstCompareJump { .. }
                | Instr::LoadFastFastCompareJump { .. } => {
                    let i = instr.first_local();
                    let v = &frame.stack[i as usize];
                    if v.is_undef() {
                        return Err(self.unbound_local(i));
                    }
                    let v = v.clone();
                    frame.push(v);
                }
                Instr::LoadFastAttr(local, i) => {
                    let name = frame.code.names[i as usize];
                    // (The fast loop already asked the cache: this is a miss.)
                    let obj = frame.stack[local as usize].clone();
                    if obj.is_undef() {
                        return Err(self.unbound_local(local as u32));
                    }
                    let v = self.load_attr_cached(i as usize, &obj, name)?;
                    obj.discard();
                    frame!(self).push(v);
                }
                Instr::LoadFastMethod(local, i) => {
                    let name = frame.code.names[i as usize];
                    // (The fast loop already asked the cache: this is a miss.)
                    let obj = frame.stack[local as usize].clone();
                    if obj.is_undef() {
                        return Err(self.unbound_local(local as u32));
                    }
                    let (callable, receiver) = self.load_method_cached(i as usize, obj, name)?;
                    let frame = frame!(self);
                    frame.push(callable);
                    frame.push(receiver);
                }
                Instr::StoreFast(i) => {
                    let v = frame.pop();
                    std::mem::replace(&mut frame.stack[i as usize], v).discard();
                }
                Instr::DeleteFast(i) => {
                    if frame.stack[i as usize].is_undef() {
                        let name = frame.code.varnames[i as usize];
                        return Err(self.err(
                            &self.types.unbound_local_error,
                            format!(
                                "cannot access local variable '{name}' where it is not associated with a value"
                            ),
                        ));
                    }
                    frame.stack[i as usize] = Value::Undef;
                }
                Instr::LoadClosure(i) => {
                    let cell = frame.cells()[i as usize].clone();
                    frame.push(Value::Cell(cell));
                }
                Instr::LoadDeref(i) => {
                    let v = frame.cells()[i as usize].borrow().clone();
                    if v.is_undef() {
                        return Err(self.unbound_deref(i));
                    }
                    frame.push(v);
                }
                Instr::StoreDeref(i) => {
                    let v = frame.pop();
                    *frame.cells()[i as usize].borrow_mut() = v;
                }
                Instr::DeleteDeref(i) => {
                    let old = std::mem::replace(
                        &mut *frame.cells()[i as usize].borrow_mut(),
                        Value::Undef,
                    );
                    if old.is_undef() {
                        return Err(self.unbound_deref(i));
                    }
                }
                Instr::LoadClassDeref(i) => {
                    let v = self.load_class_deref(i)?;
                    frame!(self).push(v);
                }
                Instr::LoadGlobal(slot) => {
                    let v = {
                        let g = frame.globals.globals.borrow();
                        g.values.get(slot as usize).cloned().unwrap_or(Value::Undef)
                    };
                    let v = if v.is_undef() {
                        self.load_builtin_for_slot(slot)?
                    } else {
                        v
                    };
                    frame!(self).push(v);
                }
                Instr::StoreGlobal(slot) => {
                    let v = frame.pop();
                    let mut g = frame.globals.globals.borrow_mut();
                    if let Some(s) = g.values.get_mut(slot as usize) {
                        *s = v;
                    }
                }
                Instr::DeleteGlobal(slot) => {
                    let globals = frame.globals.clone();
                    let mut g = globals.globals.borrow_mut();
                    let name = g.names[slot as usize];
                    let old = std::mem::replace(&mut g.values[slot as usize], Value::Undef);
                    drop(g);
                    if old.is_undef() {
                        return Err(self.name_error(name.as_str()));
                    }
                }
                Instr::LoadName(i) => {
                    let name = frame.code.names[i as usize];
                    let v = self.load_name(name)?;
                    frame!(self).push(v);
                }
                Instr::StoreName(i) => {
                    let name = frame.code.names[i as usize];
                    let v = frame.pop();
                    self.store_name(name, v)?;
                }
                Instr::DeleteName(i) => {
                    let name = frame.code.names[i as usize];
                    self.delete_name(name)?;
                }
                Instr::LoadAttr(i) => {
                    // (The fast loop already asked the cache: this is a miss.)
                    let name = frame.code.names[i as usize];
                    let obj = frame.pop();
                    let v = self.load_attr_cached(i as usize, &obj, name)?;
                    frame!(self).push(v);
                }
                Instr::StoreAttr(i) => {
                    let name = frame.code.names[i as usize];
                    let obj = frame.pop();
                    let v = frame.pop();
                    let cache = &frame.code.attr_cache;
                    if let Some(inst) = cache.instance_store_hit(i as usize, &obj) {
                        crate::runtime::instdict::set(inst, name, v);
                        obj.discard();
                        continue;
                    }
                    self.store_attr_cached(i as usize, &obj, name, v)?;
                }
                Instr::DeleteAttr(i) => {
                    let name = frame.code.names[i as usize];
                    let obj = frame.pop();
                    self.del_attr(&obj, name)?;
                }
                Instr::LoadMethod(i) => {
                    // (The fast loop already asked the cache: this is a miss.)
                    let name = frame.code.names[i as usize];
                    let obj = frame.pop();
                    let (callable, receiver) = self.load_method_cached(i as usize, obj, name)?;
                    let frame = frame!(self);
                    frame.push(callable);
                    frame.push(receiver);
                }
                Instr::LoadSuperMethod(i) => {
                    let name = frame.code.names[i as usize];
                    let sup = frame.pop();
                    let builtin =
                        matches!(&sup, Value::Class(c) if Rc::ptr_eq(c, &self.types.super_));
                    let found = match builtin {
                        true => crate::runtime::class::zero_arg_super_method(self, name)?,
                        false => None,
                    };
                    let (callable, receiver) = match found {
                        Some(pair) => pair,
                        None => {
                            let obj = self.call(&sup, &[])?;
                            self.load_method(obj, name)?
                        }
                    };
                    let frame = frame!(self);
                    frame.push(callable);
                    frame.push(receiver);
                }
                // A `BinaryReturn` the fast path could not finish stands for its `BinaryOp`.
                Instr::BinaryOp(op) | Instr::BinaryReturn(op) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    let v = match super::ops::fast_binary(op, &a, &b) {
                        Some(v) => v,
                        None => self.binary_op(op, &a, &b)?,
                    };
                    a.discard();
                    b.discard();
                    frame!(self).push(v);
                }
                Instr::InplaceOp(op) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    let v = match super::ops::fast_binary(op, &a, &b) {
                        Some(v) => v,
                        None => self.inplace_op(op, &a, &b)?,
                    };
                    a.discard();
                    b.discard();
                    frame!(self).push(v);
                }
                Instr::Unary(kind) => {
                    let a = frame.pop();
                    let v = match kind {
                        UnaryKind::Not => Value::bool(!self.truthy(&a)?),
                        _ => self.unary_op(kind, &a)?,
                    };
                    frame!(self).push(v);
                }
                Instr::Compare(kind) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    let v = match super::ops::fast_compare(kind, &a, &b) {
                        Some(r) => Value::bool(r),
                        None => self.compare(kind, &a, &b)?,
                    };
                    a.discard();
                    b.discard();
                    frame!(self).push(v);
                }
                Instr::IsOp(negate) => {
                    let b = frame.pop();
                    let a = frame.pop();
                    frame.push(Value::bool(a.is(&b) != negate));
                    a.discard();
                    b.discard();
                }
                Instr::ContainsOp(negate) => {
                    let container = frame.pop();
                    let item = frame.pop();
                    let r = self.contains(&container, &item)?;
                    frame!(self).push(Value::bool(r != negate));
                }
                Instr::BinarySubscr => {
                    let index = frame.pop();
                    let obj = frame.pop();
                    let v = self.get_item(&obj, &index)?;
                    frame!(self).push(v);
                }
                Instr::StoreSubscr => {
                    let index = frame.pop();
                    let obj = frame.pop();
                    let v = frame.pop();
                    self.set_item(&obj, index, v)?;
                }
                Instr::DeleteSubscr => {
                    let index = frame.pop();
                    let obj = frame.pop();
                    self.del_item(&obj, &index)?;
                }
                Instr::BuildSlice(n) => {
                    let step = if n == 3 { frame.pop() } else { Value::None };
                    let stop = frame.pop();
                    let start = frame.pop();
                    frame.push(Value::Slice(Rc::new(super::object::Slice {
                        start,
                        stop,
                        step,
                        shared: false,
                    })));
                }
                Instr::BuildTuple(n) => {
                    let at = frame.stack.len() - n as usize;
                    let items: Vec<Value> = frame.stack.drain(at..).collect();
                    frame.push(Value::tuple(items));
                }
                Instr::BuildList(n) => {
                    let at = frame.stack.len() - n as usize;
                    let items: Vec<Value> = frame.stack.drain(at..).collect();
                    frame.push(Value::list(items));
                }
                Instr::BuildSet(n) => {
                    let at = frame.stack.len() - n as usize;
                    let items: Vec<Value> = frame.stack.drain(at..).collect();
                    let set = self.new_set(items)?;
                    frame!(self).push(set);
                }
                Instr::BuildConstSet(i) => {
                    let frozen = match frame.code.consts[i as usize].clone() {
                        Value::Tuple(t) => crate::runtime::setops::from_items(self, t.to_vec())?,
                        folded => folded,
                    };
                    let set = crate::runtime::setops::from_items(self, vec![])?;
                    self.set_update(&set, &frozen)?;
                    frame!(self).push(set);
                }
                Instr::BuildMap(n) => {
                    let at = frame.stack.len() - 2 * n as usize;
                    let items: Vec<Value> = frame.stack.drain(at..).collect();
                    let dict = crate::runtime::dict::Dict::with_capacity(n as usize);
                    let dict = Value::dict(dict);
                    if let Value::Dict(d) = &dict {
                        let mut it = items.into_iter();
                        while let (Some(k), Some(v)) = (it.next(), it.next()) {
                            self.dict_set(d, k, v)?;
                        }
                    }
                    frame!(self).push(dict);
                }
                Instr::BuildString(n) => {
                    let at = frame.stack.len() - n as usize;
                    let s = crate::runtime::str::build_string(&frame.stack[at..]);
                    frame.stack.truncate(at);
                    frame.push(s);
                }
                Instr::ListAppend(n) => {
                    let v = frame.pop();
                    if let Value::List(l) = frame.peek(n as usize) {
                        l.borrow_mut().push(v);
                    }
                }
                Instr::SetAdd(n) => {
                    let v = frame.pop();
                    let set = frame.peek(n as usize).clone();
                    self.set_add(&set, v)?;
                }
                Instr::MapAdd(n) => {
                    let v = frame.pop();
                    let k = frame.pop();
                    if let Value::Dict(d) = frame.peek(n as usize).clone() {
                        self.dict_set(&d, k, v)?;
                    }
                }
                Instr::ListExtend(n) => {
                    let iterable = frame.pop();
                    let list = frame.peek(n as usize).clone();
                    let items = self.collect_for_unpack(&iterable)?;
                    if let Value::List(l) = list {
                        l.borrow_mut().extend(items);
                    }
                }
                Instr::SetUpdate(n) => {
                    let iterable = frame.pop();
                    let set = frame.peek(n as usize).clone();
                    for item in self.collect(&iterable)? {
                        self.set_add(&set, item)?;
                    }
                }
                Instr::DictUpdate(n) | Instr::DictMerge(n) => {
                    let other = frame.pop();
                    let target = frame.peek(n as usize).clone();
                    let merge = matches!(instr, Instr::DictMerge(_));
                    self.dict_update_from(&target, &other, merge)?;
                }
                Instr::ListToTuple => {
                    let v = frame.pop();
                    let items = match v {
                        Value::List(l) => std::mem::take(&mut *l.borrow_mut()),
                        _ => vec![],
                    };
                    frame.push(Value::tuple(items));
                }
                Instr::FormatValue(conv, has_spec) => {
                    let spec = if has_spec { Some(frame.pop()) } else { None };
                    let v = frame.pop();
                    let s = self.format_value(&v, conv, spec.as_ref())?;
                    frame!(self).push(s);
                }
                Instr::UnpackSequence(n) => {
                    let v = frame.pop();
                    self.unpack_sequence(v, n as usize, None)?;
                }
                Instr::UnpackEx(packed) => {
                    let v = frame.pop();
                    let before = (packed >> 8) as usize;
                    let after = (packed & 0xff) as usize;
                    self.unpack_sequence(v, before, Some(after))?;
                }
                Instr::Jump(t) => {
                    // Charged before jumping, so that a budget stop points into the loop.
                    if t < frame.pc {
                        self.charge_step()?;
                    }
                    frame!(self).pc = t;
                }
                Instr::PopJumpIfFalse(t) => {
                    let v = frame.pop();
                    let truth = match v {
                        Value::Bool(b) => b.get(),
                        ref other => self.truthy(other)?,
                    };
                    v.discard();
                    if !truth {
                        frame!(self).pc = t;
                    }
                }
                Instr::PopJumpIfTrue(t) => {
                    let v = frame.pop();
                    let truth = match v {
                        Value::Bool(b) => b.get(),
                        ref other => self.truthy(other)?,
                    };
                    v.discard();
                    if truth {
                        frame!(self).pc = t;
                    }
                }
                Instr::PopJumpIfNone(t) => {
                    let v = frame.pop();
                    if v.is_none() {
                        frame.pc = t;
                    }
                    v.discard();
                }
                Instr::PopJumpIfNotNone(t) => {
                    let v = frame.pop();
                    if !v.is_none() {
                        frame.pc = t;
                    }
                    v.discard();
                }
                Instr::JumpIfFalseOrPop(t) => {
                    let v = frame.top().clone();
                    if !self.truthy(&v)? {
                        frame!(self).pc = t;
                    } else {
                        frame!(self).stack.pop();
                    }
                }
                Instr::JumpIfTrueOrPop(t) => {
                    let v = frame.top().clone();
                    if self.truthy(&v)? {
                        frame!(self).pc = t;
                    } else {
                        frame!(self).stack.pop();
                    }
                }
                Instr::GetIter => {
                    let v = frame.pop();
                    let it = self.get_iter(&v)?;
                    frame!(self).push(it);
                }
                Instr::ForIter(target) => {
                    let it = frame.top().clone();
                    match &it {
                        Value::Iter(native) => {
                            match crate::runtime::iter::next_native(self, native)? {
                                Some(v) => frame!(self).push(v),
                                None => {
                                    let frame = frame!(self);
                                    frame.stack.pop();
                                    frame.pc = target;
                                }
                            }
                        }
                        Value::Generator(gen) if gen.kind == GeneratorKind::Generator => {
                            let gen = gen.clone();
                            if gen.state.get() == GeneratorState::Finished {
                                let frame = frame!(self);
                                frame.stack.pop();
                                frame.pc = target;
                            } else {
                                self.push_generator(
                                    &gen,
                                    Resume::Send(Value::None),
                                    FrameExit::ForIter(target),
                                )?;
                            }
                        }
                        _ => match self.next(&it)? {
                            Some(v) => frame!(self).push(v),
                            None => {
                                let frame = frame!(self);
                                frame.stack.pop();
                                frame.pc = target;
                            }
                        },
                    }
                }
                Instr::GetAIter => {
                    let v = frame.pop();
                    let it = self.get_aiter(&v)?;
                    frame!(self).push(it);
                }
                Instr::GetANext => {
                    let it = frame.top().clone();
                    let awaitable = self.get_anext(&it)?;
                    frame!(self).push(awaitable);
                }
                Instr::EndAsyncFor => {
                    let exc = frame.pop();
                    frame.stack.pop();
                    if let Value::Instance(inst) = &exc {
                        if inst.class.is_subclass_of(&self.types.stop_async_iteration) {
                            continue;
                        }
                        self.reraising = true;
                        return Err(PyErr { exc: inst.clone() });
                    }
                }
                // (The fast loop already made the plain Python calls it could: see
                // `vm::plain_call`.)
                Instr::Call(argc) => {
                    let at = frame.stack.len() - argc as usize - 1;
                    self.call_from_stack(at, argc as usize, None, false)?;
                }
                Instr::CallMethod(argc) => {
                    let at = frame.stack.len() - argc as usize - 2;
                    self.call_from_stack(at, argc as usize, None, true)?;
                }
                Instr::CallKw(shape) => {
                    let shape = frame.code.call_shapes[shape as usize].clone();
                    let at = frame.stack.len() - shape.argc as usize - 1;
                    self.call_from_stack(at, shape.argc as usize, Some(&shape.kwnames), false)?;
                }
                Instr::CallEx(has_kw) => {
                    let kwargs = if has_kw { Some(frame.pop()) } else { None };
                    let args = frame.pop();
                    let func = frame.pop();
                    self.call_ex(func, args, kwargs)?;
                }
                Instr::MakeFunction(flags) => {
                    let f = self.make_function(flags)?;
                    frame!(self).push(f);
                }
                Instr::ReturnValue => {
                    let v = frame.pop();
                    // A call returning to the frame that made it (the fast loop already made
                    // the returns of frames without cells or a handled exception).
                    if frame.generator.is_none()
                        && matches!(frame.exit, FrameExit::Push)
                        && self.frames.len() > base + 1
                    {
                        if let Some(done) = self.frames.pop() {
                            self.recycle(done);
                        }
                        frame!(self).push(v);
                        continue;
                    }
                    if let Some(result) = self.frame_return(v, base)? {
                        return Ok(result);
                    }
                }
                Instr::YieldValue => {
                    let v = frame.pop();
                    let async_gen = frame.code.flags.async_generator;
                    if let Some(result) = self.frame_yield(v, base, async_gen)? {
                        return Ok(result);
                    }
                }
                Instr::GetAwaitable => {
                    let v = frame.pop();
                    let it = self.get_awaitable(v)?;
                    frame!(self).push(it);
                }
                Instr::GetYieldFromIter => {
                    let v = frame.pop();
                    let it = match v {
                        Value::Generator(ref g) if g.kind == GeneratorKind::Coroutine => {
                            if !frame.code.flags.coroutine {
                                return Err(self.type_error(
                                    "cannot 'yield from' a coroutine object in a non-coroutine generator",
                                ));
                            }
                            v
                        }
                        Value::Generator(_) => v,
                        other => self.get_iter(&other)?,
                    };
                    frame!(self).push(it);
                }
                Instr::Send => {
                    let value = frame.pop();
                    let receiver = frame.top().clone();
                    if let Some(result) = self.send_instr(receiver, value, base)? {
                        return Ok(result);
                    }
                }
                Instr::Raise(n) => {
                    let err = match n {
                        0 => {
                            self.reraising = true;
                            match self.handled_exception() {
                                Some(Value::Instance(inst)) => PyErr { exc: inst },
                                _ => self.runtime_error("No active exception to reraise"),
                            }
                        }
                        1 => {
                            let exc = frame.pop();
                            self.make_raisable(exc)?
                        }
                        _ => {
                            let cause = frame.pop();
                            let exc = frame.pop();
                            let err = self.make_raisable(exc)?;
                            self.set_cause(&err, cause)?;
                            err
                        }
                    };
                    return Err(err);
                }
                Instr::Reraise => {
                    let exc = frame.pop();
                    self.reraising = true;
                    return Err(match exc {
                        Value::Instance(inst) => PyErr { exc: inst },
                        _ => self.runtime_error("internal error: reraise of a non-exception"),
                    });
                }
                Instr::PushExcInfo => {
                    let exc = frame.pop();
                    let prev = frame
                        .replace_handled(Some(exc.clone()))
                        .unwrap_or(Value::None);
                    frame.push(prev);
                    frame.push(exc);
                }
                Instr::PopExcept => {
                    let prev = frame.pop();
                    if let Some(old) = frame.replace_handled((!prev.is_none()).then_some(prev)) {
                        old.discard();
                    }
                }
                Instr::CheckExcMatch => {
                    let typ = frame.pop();
                    let exc = frame.top().clone();
                    let r = self.exception_matches(&exc, &typ)?;
                    frame!(self).push(Value::bool(r));
                }
                Instr::CheckEgMatch => {
                    let typ = frame.pop();
                    let exc = frame.pop();
                    let (rest, matched) = self.exception_group_match(exc, &typ)?;
                    let frame = frame!(self);
                    // Inside the clause the match is the exception being handled (a bare
                    // `raise` re-raises it; `sys.exc_info()` shows it), as in CPython.
                    if !matched.is_none() {
                        if let Some(old) = frame.replace_handled(Some(matched.clone())) {
                            old.discard();
                        }
                    }
                    frame.push(rest);
                    frame.push(matched);
                }
                Instr::PrepReraiseStar => {
                    let list = frame.pop();
                    let orig = frame.pop();
                    let v = self.prep_reraise_star(orig, list)?;
                    frame!(self).push(v);
                }
                Instr::WithExceptStart => {
                    let exc = frame.top().clone();
                    let exit = frame.peek(3).clone();
                    let typ = Value::Class(self.class_of(&exc));
                    let v = self.call(&exit, &[typ, exc, Value::None])?;
                    frame!(self).push(v);
                }
                Instr::BeforeWith => {
                    let cm = frame.pop();
                    let (exit, entered) = self.before_with(cm, false)?;
                    let frame = frame!(self);
                    frame.push(exit);
                    frame.push(entered);
                }
                Instr::BeforeAsyncWith => {
                    let cm = frame.pop();
                    let (exit, entered) = self.before_with(cm, true)?;
                    let frame = frame!(self);
                    frame.push(exit);
                    frame.push(entered);
                }
                Instr::LoadAssertionError => {
                    let v = Value::Class(self.types.assertion_error.clone());
                    frame.push(v);
                }
                Instr::ImportName(i) => {
                    let name = frame.code.names[i as usize];
                    let m = self.import_module(name.as_str())?;
                    frame!(self).push(m);
                }
                Instr::ImportFrom(i) => {
                    let name = frame.code.names[i as usize];
                    let module = frame.top().clone();
                    let v = self.import_from(&module, name)?;
                    frame!(self).push(v);
                }
                Instr::ImportStar => {
                    let module = frame.pop();
                    self.import_star(&module)?;
                }
                Instr::LoadBuildClass => {
                    let v = self
                        .builtins
                        .get(&sym::BUILD_CLASS)
                        .cloned()
                        .unwrap_or(Value::None);
                    frame.push(v);
                }
                Instr::PopAnnotation => {
                    frame.stack.pop();
                }
                Instr::ToBool => {
                    let v = frame.pop();
                    let b = self.truthy(&v)?;
                    frame!(self).push(Value::bool(b));
                }
                Instr::PrintExpr => {
                    let v = frame.pop();
                    self.display_hook(v)?;
                }
            }
        }
    }

    fn unbound_local(&self, i: u32) -> PyErr {
        let name = match self.frames.last() {
            Some(frame) => frame.code.varnames[i as usize],
            None => return self.runtime_error("no frame"),
        };
        self.err(
            &self.types.unbound_local_error,
            format!(
                "cannot access local variable '{name}' where it is not associated with a value"
            ),
        )
    }

    fn unbound_deref(&self, i: u32) -> PyErr {
        let Some(frame) = self.frames.last() else {
            return self.runtime_error("no frame");
        };
        let code = &frame.code;
        let i = i as usize;
        if i < code.cellvars.len() {
            let name = code.cellvars[i];
            self.err(
                &self.types.unbound_local_error,
                format!(
                    "cannot access local variable '{name}' where it is not associated with a value"
                ),
            )
        } else {
            let name = code.freevars[i - code.cellvars.len()];
            self.err(
                &self.types.name_error,
                format!("cannot access free variable '{name}' where it is not associated with a value in enclosing scope"),
            )
        }
    }

    /// The top frame returns `v`. Returns `Some` when that ends the run (the base frame).
    fn frame_return(&mut self, v: Value, base: usize) -> PyResult<Option<FrameResult>> {
        let Some(mut frame) = self.frames.pop() else {
            return Ok(Some(FrameResult::Returned(v)));
        };
        if let Some(gen) = frame.generator.take() {
            gen.state.set(GeneratorState::Finished);
        }
        let exit = std::mem::replace(&mut frame.exit, FrameExit::Push);
        self.recycle(frame);
        if self.frames.len() <= base {
            return Ok(Some(FrameResult::Returned(v)));
        }
        let parent = frame!(self);
        match exit {
            FrameExit::Push | FrameExit::Native => parent.push(v),
            FrameExit::Init(instance) => {
                if !v.is_none() {
                    return Err(self.type_error(format!(
                        "__init__() should return None, not '{}'",
                        self.type_name(&v)
                    )));
                }
                parent.push(instance);
            }
            FrameExit::ForIter(target) => {
                parent.stack.pop();
                parent.pc = target;
            }
            FrameExit::Send => {
                parent.stack.pop();
                parent.push(v);
            }
        }
        Ok(None)
    }

    /// The top frame (a generator's) yields `v`: suspend it, and deliver the value to whoever
    /// resumed it. A caller suspended in `Send` yields the same value in turn.
    fn frame_yield(
        &mut self,
        v: Value,
        base: usize,
        own_yield: bool,
    ) -> PyResult<Option<FrameResult>> {
        let mut own = own_yield;
        loop {
            let Some(mut frame) = self.frames.pop() else {
                return Ok(Some(FrameResult::Yielded(v)));
            };
            let exit = std::mem::replace(&mut frame.exit, FrameExit::Push);
            let is_async_gen = frame.code.flags.async_generator;
            match frame.generator.take() {
                Some(gen) => {
                    gen.state.set(GeneratorState::Suspended);
                    gen.set_frame(frame);
                }
                None => {
                    // Only generator frames can yield; the compiler guarantees it.
                    return Err(self.runtime_error("internal error: yield outside a generator"));
                }
            }
            if self.frames.len() <= base {
                return Ok(Some(if own && is_async_gen {
                    FrameResult::AsyncGenYielded(v)
                } else {
                    FrameResult::Yielded(v)
                }));
            }
            match exit {
                FrameExit::ForIter(_) => {
                    frame!(self).push(v);
                    return Ok(None);
                }
                FrameExit::Send => {
                    // The caller re-runs its `Send` when resumed, then yields upwards too.
                    let parent = frame!(self);
                    parent.pc -= 1;
                    own = false;
                    continue;
                }
                _ => {
                    frame!(self).push(v);
                    return Ok(None);
                }
            }
        }
    }

    /// `Send`: `[.., receiver]` with the value already popped.
    fn send_instr(
        &mut self,
        receiver: Value,
        value: Value,
        base: usize,
    ) -> PyResult<Option<FrameResult>> {
        if let Value::Generator(gen) = &receiver {
            let gen = gen.clone();
            match gen.state.get() {
                GeneratorState::Finished => {
                    if gen.kind == GeneratorKind::Coroutine {
                        return Err(self.runtime_error("cannot reuse already awaited coroutine"));
                    }
                    let frame = frame!(self);
                    frame.stack.pop();
                    frame.push(Value::None);
                    return Ok(None);
                }
                GeneratorState::Running => {
                    let what = if gen.kind == GeneratorKind::Coroutine {
                        "coroutine is being awaited already"
                    } else {
                        "generator already executing"
                    };
                    return Err(if gen.kind == GeneratorKind::Coroutine {
                        self.runtime_error(what)
                    } else {
                        self.value_error(what)
                    });
                }
                _ => {}
            }
            let value = match crate::asyncio::stepped::step(self, &gen, Resume::Send(value)) {
                Ok(outcome) => return self.sent(outcome?, base),
                Err(Resume::Send(value)) => value,
                Err(Resume::Throw(e)) => return Err(e),
            };
            self.push_generator(&gen, Resume::Send(value), FrameExit::Send)?;
            return Ok(None);
        }
        let outcome = self.send_native(&receiver, value)?;
        self.sent(outcome, base)
    }

    /// A `Send` to a receiver that took the step natively: push what it returned, or suspend
    /// the frame (to re-run the `Send` when resumed) and yield what it yielded.
    fn sent(&mut self, outcome: SendResult, base: usize) -> PyResult<Option<FrameResult>> {
        match outcome {
            SendResult::Returned(r) => {
                let frame = frame!(self);
                frame.stack.pop();
                frame.push(r);
                Ok(None)
            }
            SendResult::Yielded(v) => {
                frame!(self).pc -= 1;
                self.frame_yield(v, base, false)
            }
        }
    }

    /// Pushes a suspended (or new) generator's frame so the run loop continues inside it.
    pub(crate) fn push_generator(
        &mut self,
        gen: &Rc<super::object::Generator>,
        resume: Resume,
        exit: FrameExit,
    ) -> PyResult<()> {
        let was_created = gen.state.get() == GeneratorState::Created;
        let Some(mut frame) = gen.take_frame() else {
            return Err(self.value_error("generator already executing"));
        };
        if self.frames.len() >= self.recursion_limit + 50 {
            gen.set_frame(frame);
            return Err(self.recursion_error());
        }
        frame.exit = exit;
        frame.generator = Some(gen.clone());
        gen.state.set(GeneratorState::Running);
        match resume {
            Resume::Send(v) => {
                if was_created {
                    if !v.is_none() {
                        gen.state.set(GeneratorState::Created);
                        gen.set_frame(frame);
                        return Err(self.type_error(format!(
                            "can't send non-None value to a just-started {}",
                            gen_noun(gen.kind)
                        )));
                    }
                } else {
                    frame.push(v);
                }
                self.frames.push(frame);
                Ok(())
            }
            Resume::Throw(err) => {
                self.frames.push(frame);
                if was_created {
                    // Thrown into a generator that never started: it finishes at once.
                    if let Some(f) = self.frames.pop() {
                        let e = self.frame_raised(f, err);
                        self.pending_throw = Some(e);
                    }
                    return Ok(());
                }
                self.throw_into_top(err)
            }
        }
    }

    /// Delivers a thrown exception into the (just pushed) top frame: down a `Send` delegation
    /// chain if the frame is suspended in one, else at its current instruction.
    fn throw_into_top(&mut self, err: PyErr) -> PyResult<()> {
        let frame = frame!(self);
        let at_send = matches!(frame.code.instrs.get(frame.pc as usize), Some(Instr::Send));
        if !at_send {
            self.pending_throw = Some(err);
            return Ok(());
        }
        let receiver = frame.top().clone();
        frame.pc += 1;
        if let Value::Generator(g) = &receiver {
            if g.state.get() != GeneratorState::Running {
                if g.state.get() == GeneratorState::Finished {
                    self.pending_throw = Some(err);
                    return Ok(());
                }
                let g = g.clone();
                let err = match crate::asyncio::stepped::step(self, &g, Resume::Throw(err)) {
                    Ok(outcome) => return self.thrown(outcome),
                    Err(Resume::Throw(err)) => err,
                    Err(Resume::Send(_)) => return Ok(()),
                };
                return self.push_generator(&g, Resume::Throw(err), FrameExit::Send);
            }
        }
        let outcome = self.throw_native(&receiver, err);
        self.thrown(outcome)
    }

    /// A throw at a `Send` whose receiver took it natively: push what it returned, yield what
    /// it yielded, or raise what it raised, in the top frame.
    fn thrown(&mut self, outcome: PyResult<SendResult>) -> PyResult<()> {
        match outcome {
            Ok(SendResult::Returned(v)) => {
                let frame = frame!(self);
                frame.stack.pop();
                frame.push(v);
                Ok(())
            }
            Ok(SendResult::Yielded(v)) => {
                frame!(self).pc -= 1;
                self.pending_yield = Some(v);
                Ok(())
            }
            Err(e) => {
                self.pending_throw = Some(e);
                Ok(())
            }
        }
    }

    /// Resumes a generator or coroutine from Rust (`next()`, `gen.send()`, ...), and runs it
    /// until it yields, returns or raises.
    pub fn resume_generator(
        &mut self,
        gen: &Rc<super::object::Generator>,
        resume: Resume,
    ) -> PyResult<FrameResult> {
        let result = self.resume_generator_for_task(gen, resume)?;
        // A lazy sleep's stand-in is for tasks only: anything else gets the real future.
        if let FrameResult::Yielded(Value::Generator(g)) = &result {
            if crate::asyncio::sleep::is_unclaimed(g) {
                let event_loop = crate::asyncio::native::running_loop(self)?;
                if let Some(future) = crate::asyncio::sleep::materialize(self, g, &event_loop)? {
                    return Ok(FrameResult::Yielded(future));
                }
            }
        }
        Ok(result)
    }

    /// `resume_generator` for a task's step: the coroutine may yield a lazy sleep in place of
    /// its future (see asyncio::sleep), which `tasks::yielded` takes.
    pub fn resume_generator_for_task(
        &mut self,
        gen: &Rc<super::object::Generator>,
        resume: Resume,
    ) -> PyResult<FrameResult> {
        match gen.state.get() {
            GeneratorState::Running => {
                return Err(match gen.kind {
                    GeneratorKind::Coroutine => {
                        self.runtime_error("coroutine is being awaited already")
                    }
                    _ => self.value_error("generator already executing"),
                })
            }
            GeneratorState::Finished => {
                return match resume {
                    // (`close()` of a finished coroutine never gets here.)
                    Resume::Throw(_) if gen.kind == GeneratorKind::Coroutine => {
                        Err(self.runtime_error("cannot reuse already awaited coroutine"))
                    }
                    Resume::Throw(e) => Err(e),
                    Resume::Send(_) => match gen.kind {
                        GeneratorKind::Coroutine => {
                            Err(self.runtime_error("cannot reuse already awaited coroutine"))
                        }
                        GeneratorKind::AsyncGenerator => {
                            Err(self.err_with(&self.types.stop_async_iteration, vec![]))
                        }
                        GeneratorKind::Generator => Err(self.stop_iteration(Value::None)),
                    },
                };
            }
            _ => {}
        }
        if self.native_depth >= super::MAX_NATIVE_DEPTH {
            return Err(self.recursion_error());
        }
        let resume = match crate::asyncio::stepped::step(self, gen, resume) {
            Ok(outcome) => {
                return outcome.map(|r| match r {
                    SendResult::Yielded(v) => FrameResult::Yielded(v),
                    SendResult::Returned(v) => FrameResult::Returned(v),
                })
            }
            Err(resume) => resume,
        };
        let base = self.frames.len();
        self.push_generator(gen, resume, FrameExit::Native)?;
        self.native_depth += 1;
        let r = self.run_pending(base);
        self.native_depth -= 1;
        r
    }

    /// Runs after a resume that may have left a thrown exception or an immediate yield pending.
    fn run_pending(&mut self, base: usize) -> PyResult<FrameResult> {
        if let Some(v) = self.pending_yield.take() {
            if let Some(result) = self.frame_yield(v, base, false)? {
                return Ok(result);
            }
        }
        if let Some(err) = self.pending_throw.take() {
            if self.frames.len() <= base {
                return Err(err);
            }
            // The thrown exception is raised at the frame's current instruction.
            self.reraising = false;
            if let Some(err) = self.unwind_thrown(err, base) {
                return Err(err);
            }
        }
        if self.frames.len() <= base {
            return Err(self.runtime_error("internal error: generator frame vanished"));
        }
        self.run_frames(base)
    }

    fn unwind_thrown(&mut self, err: PyErr, base: usize) -> Option<PyErr> {
        self.unwind(err, base)
    }

    /// `raise X`: instantiate a class, check it derives from BaseException.
    pub(crate) fn make_raisable(&mut self, exc: Value) -> PyResult<PyErr> {
        match &exc {
            Value::Instance(inst) if inst.exception_data().is_some() => {
                Ok(PyErr { exc: inst.clone() })
            }
            Value::Class(c) if c.is_subclass_of(&self.types.base_exception) => {
                let v = self.call(&exc, &[])?;
                match v {
                    Value::Instance(inst) if inst.exception_data().is_some() => {
                        Ok(PyErr { exc: inst })
                    }
                    other => Err(self.type_error(format!(
                        "calling {} should have returned an instance of BaseException, not {}",
                        c.repr(),
                        self.type_name(&other)
                    ))),
                }
            }
            _ => Err(self.type_error("exceptions must derive from BaseException")),
        }
    }

    fn set_cause(&mut self, err: &PyErr, cause: Value) -> PyResult<()> {
        let cause = match cause {
            Value::None => None,
            Value::Class(ref c) if c.is_subclass_of(&self.types.base_exception) => {
                Some(self.call(&cause, &[])?)
            }
            Value::Instance(ref i) if i.exception_data().is_some() => Some(cause),
            _ => return Err(self.type_error("exception causes must derive from BaseException")),
        };
        if let Some(d) = err.exc.exception_data() {
            let mut d = d.borrow_mut();
            d.cause = cause;
            d.suppress_context = true;
        }
        Ok(())
    }

    pub(crate) fn exception_matches(&mut self, exc: &Value, typ: &Value) -> PyResult<bool> {
        let cls = self.class_of(exc);
        match typ {
            Value::Class(c) if c.is_subclass_of(&self.types.base_exception) => {
                Ok(cls.is_subclass_of(c))
            }
            Value::Tuple(items) => {
                for t in items.iter() {
                    if self.exception_matches(exc, t)? {
                        return Ok(true);
                    }
                }
                Ok(false)
            }
            _ => Err(self.type_error(
                "catching classes that do not inherit from BaseException is not allowed",
            )),
        }
    }

    fn load_class_deref(&mut self, i: u32) -> PyResult<Value> {
        let frame = frame!(self);
        let code = frame.code.clone();
        let idx = i as usize;
        let name = if idx < code.cellvars.len() {
            code.cellvars[idx]
        } else {
            code.freevars[idx - code.cellvars.len()]
        };
        if let Some(ns) = frame.namespace() {
            let ns = ns.clone();
            if let Some(v) = self.dict_get_str(&ns, name.as_str())? {
                return Ok(v);
            }
        }
        let v = frame!(self).cells()[idx].borrow().clone();
        if v.is_undef() {
            return Err(self.unbound_deref(i));
        }
        Ok(v)
    }

    /// A global slot is unbound: fall back to builtins (`LOAD_GLOBAL`'s second step).
    fn load_builtin_for_slot(&mut self, slot: u32) -> PyResult<Value> {
        let frame = frame!(self);
        let mut globals = frame.globals.globals.borrow_mut();
        let name = globals.names[slot as usize];
        match self.builtins.get(&name) {
            Some(v) => {
                if name.as_str() != "_" {
                    let cache = &mut globals.builtin_cache;
                    if cache.len() <= slot as usize {
                        cache.resize(slot as usize + 1, Value::Undef);
                    }
                    cache[slot as usize] = v.clone();
                }
                Ok(v.clone())
            }
            None => {
                drop(globals);
                self.missing_global(name.as_str())
            }
        }
    }

    /// `LOAD_NAME` in class bodies: namespace, globals, builtins.
    fn load_name(&mut self, name: super::symbol::Symbol) -> PyResult<Value> {
        let frame = frame!(self);
        if let Some(ns) = frame.namespace().cloned() {
            if let Some(v) = self.dict_get_str(&ns, name.as_str())? {
                return Ok(v);
            }
        }
        let frame = frame!(self);
        if let Some(v) = frame.globals.globals.borrow().get(name) {
            return Ok(v.clone());
        }
        match self.builtins.get(&name) {
            Some(v) => Ok(v.clone()),
            None => self.missing_global(name.as_str()),
        }
    }

    fn store_name(&mut self, name: super::symbol::Symbol, v: Value) -> PyResult<()> {
        let frame = frame!(self);
        match frame.namespace().cloned() {
            Some(ns) => self.dict_set(&ns, Value::str(name.as_str()), v),
            None => {
                frame.globals.globals.borrow_mut().set(name, v);
                Ok(())
            }
        }
    }

    fn delete_name(&mut self, name: super::symbol::Symbol) -> PyResult<()> {
        let frame = frame!(self);
        match frame.namespace().cloned() {
            Some(ns) => {
                let key = Value::str(name.as_str());
                match self.dict_remove(&ns, &key)? {
                    Some(_) => Ok(()),
                    None => Err(self.name_error(name.as_str())),
                }
            }
            None => {
                let globals = frame.globals.clone();
                let mut g = globals.globals.borrow_mut();
                let slot = g.slot(name);
                let old = std::mem::replace(&mut g.values[slot as usize], Value::Undef);
                drop(g);
                if old.is_undef() {
                    return Err(self.name_error(name.as_str()));
                }
                Ok(())
            }
        }
    }

    /// `MakeFunction`: `[defaults?, kwdefaults?, closure?, code]` → function.
    fn make_function(&mut self, flags: u32) -> PyResult<Value> {
        let frame = frame!(self);
        let code = match frame.pop() {
            Value::Code(c) => c,
            _ => return Err(self.runtime_error("internal error: MakeFunction without code")),
        };
        let closure = if flags & 4 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t
                    .iter()
                    .filter_map(|v| match v {
                        Value::Cell(c) => Some(c.clone()),
                        _ => None,
                    })
                    .collect(),
                _ => vec![],
            }
        } else {
            vec![]
        };
        let kwdefaults = if flags & 2 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t.to_vec(),
                _ => vec![],
            }
        } else {
            vec![Value::Undef; code.kwonlyargcount as usize]
        };
        let defaults = if flags & 1 != 0 {
            match frame.pop() {
                Value::Tuple(t) => t.to_vec(),
                _ => vec![],
            }
        } else {
            vec![]
        };
        let globals = frame.globals.clone();
        Ok(Value::Function(Rc::new(super::object::Function {
            name: std::cell::RefCell::new(code.name.clone()),
            qualname: std::cell::RefCell::new(code.qualname.clone()),
            code,
            globals,
            defaults,
            kwdefaults,
            closure,
            dict: Default::default(),
        })))
    }

    fn unpack_sequence(&mut self, v: Value, before: usize, after: Option<usize>) -> PyResult<()> {
        let items: Vec<Value> = match &v {
            Value::Tuple(t) => t.to_vec(),
            Value::List(l) => l.borrow().clone(),
            _ => {
                if !self.is_iterable(&v) {
                    return Err(self.type_error(format!(
                        "cannot unpack non-iterable {} object",
                        self.type_name(&v)
                    )));
                }
                self.collect(&v)?
            }
        };
        let frame = frame!(self);
        match after {
            None => {
                if items.len() != before {
                    return Err(if items.len() > before {
                        self.value_error(format!("too many values to unpack (expected {before})"))
                    } else {
                        self.value_error(format!(
                            "not enough values to unpack (expected {before}, got {})",
                            items.len()
                        ))
                    });
                }
                for item in items.into_iter().rev() {
                    frame.push(item);
                }
            }
            Some(after) => {
                if items.len() < before + after {
                    return Err(self.value_error(format!(
                        "not enough values to unpack (expected at least {}, got {})",
                        before + after,
                        items.len()
                    )));
                }
                let mut items = items;
                let tail = items.split_off(items.len() - after);
                let middle = items.split_off(before);
                for item in tail.into_iter().rev() {
                    frame.push(item);
                }
                frame.push(Value::list(middle));
                for item in items.into_iter().rev() {
                    frame.push(item);
                }
            }
        }
        Ok(())
    }

    fn before_with(&mut self, cm: Value, is_async: bool) -> PyResult<(Value, Value)> {
        let (enter, exit) = if is_async {
            (sym::AENTER, sym::AEXIT)
        } else {
            (sym::ENTER, sym::EXIT)
        };
        let cls = self.class_of(&cm);
        let (Some(enter_fn), Some(exit_fn)) = (cls.lookup(enter), cls.lookup(exit)) else {
            let what = if is_async {
                "asynchronous context manager protocol"
            } else {
                "context manager protocol"
            };
            let missing = if cls.lookup(enter).is_none() {
                enter
            } else {
                exit
            };
            let _ = missing;
            return Err(
                self.type_error(format!("'{}' object does not support the {what}", cls.name))
            );
        };
        let exit_bound = self.bind_method(exit_fn, cm.clone())?;
        let entered = self.call_bound(enter_fn, cm, &[])?;
        Ok((exit_bound, entered))
    }

    fn display_hook(&mut self, v: Value) -> PyResult<()> {
        if v.is_none() {
            return Ok(());
        }
        let r = self.repr(&v)?;
        self.write_stdout(&r)?;
        self.write_stdout("\n")?;
        self.builtins.insert(super::symbol::intern("_"), v);
        Ok(())
    }
}

fn gen_noun(kind: GeneratorKind) -> &'static str {
    match kind {
        GeneratorKind::Generator => "generator",
        GeneratorKind::Coroutine => "coroutine",
        GeneratorKind::AsyncGenerator => "async generator",
    }
}

/// Unused payload reference kept so `Payload` variants used only by other modules stay linked.
#[allow(dead_code)]
fn _payload_is_plain(p: &Payload) -> bool {
    matches!(p, Payload::Plain)
}

/// Drops a frame's values first to last (as a slice drops), as CPython clears a frame: the
/// order never-awaited warnings come out in. (`clear` would drop through an out-of-line call
/// per value; most locals are ints or None, which `discard` skips inline.)
#[inline(always)]
pub(super) fn clear_values(stack: &mut Vec<Value>) {
    let len = stack.len();
    // SAFETY: the length is cut to 0 first, so each value is read (and dropped) exactly once
    // even if a drop panics; the buffer's first `len` slots were initialized.
    unsafe {
        stack.set_len(0);
        let values = stack.as_ptr();
        for k in 0..len {
            std::ptr::read(values.add(k)).discard();
        }
    }
}

/// `Vm::empty_frame` on the frame pool alone (so a caller may hold other parts of the VM).
// (The pool holds boxes because frames move, boxed, into generators and `Vm::frames`.)
#[allow(clippy::vec_box)]
#[inline(always)]
pub(crate) fn pooled_frame(
    pool: &mut Vec<Box<Frame>>,
    code: &Rc<crate::compile::code::Code>,
    globals: &Rc<super::object::Module>,
) -> Box<Frame> {
    // A generator or coroutine keeps its frame while suspended: it gets a buffer of exactly
    // its size, not a pooled one sized by some earlier, bigger call (with 100,000 suspended
    // tasks the difference is 16 MB).
    if code.is_async_or_generator() {
        return Box::new(Frame::empty(code.clone(), globals.clone()));
    }
    let Some(mut f) = pool.pop() else {
        return Box::new(Frame::empty(code.clone(), globals.clone()));
    };
    // A pooled frame often last ran this very code (recursion, a loop of calls): then it
    // already holds the right references.
    if !Rc::ptr_eq(&f.code, code) {
        f.code = code.clone();
    }
    if !Rc::ptr_eq(&f.globals, globals) {
        f.globals = globals.clone();
    }
    f.stack.reserve(code.nlocals() + code.stacksize as usize);
    f.pc = 0;
    f.exit = FrameExit::Push;
    f
}

/// Moves `from[first..]` onto the end of `to`, leaving `from` `first` long. (A loop rather
/// than `drain` or `copy_nonoverlapping`, which call memcpy for the usual one to three
/// values.)
#[inline(always)]
pub(crate) fn move_values(from: &mut Vec<Value>, first: usize, to: &mut Vec<Value>) {
    let n = match from.len().checked_sub(first) {
        Some(n) if n > 0 => n,
        _ => return,
    };
    to.reserve(n);
    // SAFETY: `to` has room for `n` more; `from` holds `n` values from `first`, which are
    // moved: `from`'s length is cut to `first` first, so each value has exactly one owner.
    unsafe {
        from.set_len(first);
        let src = from.as_ptr().add(first);
        let dst = to.as_mut_ptr().add(to.len());
        // One to three values (most calls) without the set-up of a vectorised loop.
        let mut k = 0;
        while k < n.min(3) {
            std::ptr::write(dst.add(k), std::ptr::read(src.add(k)));
            k += 1;
        }
        if n > 3 {
            std::ptr::copy_nonoverlapping(src.add(3), dst.add(3), n - 3);
        }
        to.set_len(to.len() + n);
    }
}
