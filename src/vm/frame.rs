//! An activation of a code object, held on the heap so that generators and coroutines can keep
//! theirs while suspended and the VM never recurses on the Rust stack for a Python call.

use std::rc::Rc;

use super::object::{CellRef, Generator, Module};
use super::value::{DictRef, Value};
use crate::compile::code::Code;

/// What happens to a frame's result when it returns or yields: who resumed it decides.
#[derive(Clone, Debug)]
pub enum FrameExit {
    /// Pushed by Rust code (`Vm::call`, a task step): the run loop returns the outcome.
    Native,
    /// An ordinary call from bytecode: push the return value on the caller's stack.
    Push,
    /// `Class(...)` ran `__init__`: check it returned None and push the new instance.
    Init(Value),
    /// A generator resumed by the caller's `ForIter`: a yield is the next item, a return ends
    /// the loop by jumping to the target.
    ForIter(u32),
    /// A generator or coroutine resumed by the caller's `Send`: a yield suspends the caller too,
    /// a return pushes the value.
    Send,
}

/// A stack (or pool) of frames, boxed: a frame moves into a generator, or out of the pool,
/// without being copied.
#[allow(clippy::vec_box)]
pub type Frames = Vec<Box<Frame>>;

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: u32,
    /// Local variable slots (`code.nlocals()` of them) followed by the value stack.
    pub stack: Vec<Value>,
    pub globals: Rc<Module>,
    pub exit: FrameExit,
    /// The generator this frame belongs to, only while it runs (a suspended generator owns its
    /// frame; holding the generator here then would be a reference cycle).
    pub generator: Option<Rc<Generator>>,
    /// What only some frames need, boxed: every suspended coroutine holds a frame, and most
    /// frames have no cells, are no class body and handle no exception (the frame is 80 bytes
    /// instead of 120).
    pub(super) extras: Option<Box<FrameExtras>>,
}

#[derive(Default)]
pub(super) struct FrameExtras {
    /// Cell variables then free variables.
    cells: Vec<CellRef>,
    /// The namespace dict of a class body (names are not slots there).
    namespace: Option<DictRef>,
    /// The exception being handled by an `except`/`finally` block in this frame, if any.
    handled: Option<Value>,
}

const _: () = assert!(std::mem::size_of::<Frame>() <= 80);

impl Frame {
    /// A frame whose locals are all unbound.
    pub fn new(code: Rc<Code>, globals: Rc<Module>) -> Frame {
        let mut frame = Frame::empty(code, globals);
        frame.stack.resize(frame.code.nlocals(), Value::Undef);
        frame
    }

    /// A frame with an empty stack (not even locals yet), with room for the locals and the
    /// deepest value stack.
    pub fn empty(code: Rc<Code>, globals: Rc<Module>) -> Frame {
        let stack = Vec::with_capacity(code.nlocals() + code.stacksize as usize);
        Frame {
            code,
            pc: 0,
            stack,
            globals,
            exit: FrameExit::Push,
            generator: None,
            extras: None,
        }
    }

    fn extras_mut(&mut self) -> &mut FrameExtras {
        self.extras.get_or_insert_with(Default::default)
    }

    /// Cell variables then free variables.
    #[inline]
    pub fn cells(&self) -> &[CellRef] {
        Frame::cells_in(&self.extras)
    }

    /// `cells` from the field alone (for code that holds other fields borrowed).
    #[inline]
    pub(super) fn cells_in(extras: &Option<Box<FrameExtras>>) -> &[CellRef] {
        match extras {
            Some(extras) => &extras.cells,
            None => &[],
        }
    }

    pub fn set_cells(&mut self, cells: Vec<CellRef>) {
        if !cells.is_empty() || self.extras.is_some() {
            self.extras_mut().cells = cells;
        }
    }

    /// The cells, to be filled when a call starts, and the stack that holds the arguments.
    pub fn cells_and_stack_mut(&mut self) -> (&mut Vec<CellRef>, &mut Vec<Value>) {
        let extras = self.extras.get_or_insert_with(Default::default);
        (&mut extras.cells, &mut self.stack)
    }

    /// The namespace dict of a class body.
    #[inline]
    pub fn namespace(&self) -> Option<&DictRef> {
        self.extras.as_ref()?.namespace.as_ref()
    }

    pub fn set_namespace(&mut self, namespace: DictRef) {
        self.extras_mut().namespace = Some(namespace);
    }

    /// The exception being handled by an `except`/`finally` block in this frame, if any.
    #[inline]
    pub fn handled(&self) -> Option<&Value> {
        self.extras.as_ref()?.handled.as_ref()
    }

    /// Sets the exception being handled (None: none), returning the previous one.
    pub fn replace_handled(&mut self, exc: Option<Value>) -> Option<Value> {
        match (&mut self.extras, exc) {
            (None, None) => None,
            (Some(extras), exc) => std::mem::replace(&mut extras.handled, exc),
            (None, exc) => self.extras_mut().handled.replace(exc?),
        }
    }

    /// Has the frame no cells, namespace or handled exception (nothing for `clear_extras`)?
    /// (A pooled frame keeps its emptied extras.)
    #[inline]
    pub fn has_no_extras(&self) -> bool {
        match &self.extras {
            None => true,
            Some(e) => e.cells.is_empty() && e.namespace.is_none() && e.handled.is_none(),
        }
    }

    /// Empties the cells, namespace and handled exception, keeping their buffers for the
    /// frame's next use.
    #[inline]
    pub fn clear_extras(&mut self) {
        if let Some(extras) = &mut self.extras {
            if !extras.cells.is_empty() {
                extras.cells.clear();
            }
            if extras.namespace.is_some() {
                extras.namespace = None;
            }
            if let Some(v) = extras.handled.take() {
                v.discard();
            }
        }
    }

    #[inline]
    pub fn push(&mut self, v: Value) {
        self.stack.push(v);
    }

    #[inline]
    pub fn pop(&mut self) -> Value {
        // The compiler guarantees the stack never underflows below the locals. (Not
        // `unwrap_or(Value::Undef)`: that drops the unused default through an out-of-line call.)
        match self.stack.pop() {
            Some(v) => v,
            None => Value::Undef,
        }
    }

    #[inline]
    pub fn top(&self) -> &Value {
        self.stack.last().unwrap_or(&Value::Undef)
    }

    #[inline]
    pub fn peek(&self, n: usize) -> &Value {
        &self.stack[self.stack.len() - n]
    }

    /// The instruction currently executing (the one before `pc`), for tracebacks and handlers.
    pub fn current_pc(&self) -> u32 {
        self.pc.saturating_sub(1)
    }

    pub fn nlocals(&self) -> usize {
        self.code.nlocals()
    }
}

/// Pushes a copy of `v` (one more reference to it), copying its 16 bytes whole from where it
/// lies: a clone made first would travel through memory in pieces, and the whole-value load
/// after them stalls (see `Value::clone_heap`).
#[inline(always)]
pub fn push_copy(stack: &mut Vec<Value>, v: &Value) {
    v.add_ref();
    // SAFETY: the copy owns the reference added above.
    unsafe { push_bitwise(stack, v) }
}

/// Pushes a bitwise copy of `v`.
///
/// # Safety
/// The copy must own a reference of its own to a heap value (the caller added it).
#[inline(always)]
pub unsafe fn push_bitwise(stack: &mut Vec<Value>, v: &Value) {
    if stack.len() == stack.capacity() {
        stack.reserve(1);
    }
    // SAFETY: there is room for one more value; the caller gave the copy its reference.
    unsafe {
        let len = stack.len();
        std::ptr::copy_nonoverlapping(v, stack.as_mut_ptr().add(len), 1);
        stack.set_len(len + 1);
    }
}

/// `push_copy` of the stack's own slot `i` (a local), if it is in use and bound; false
/// otherwise, having pushed nothing.
#[inline(always)]
pub fn push_slot_copy(stack: &mut Vec<Value>, i: usize) -> bool {
    match stack.get(i) {
        Some(v) if !v.is_undef() => {}
        _ => return false,
    }
    if stack.len() == stack.capacity() {
        stack.reserve(1);
    }
    // SAFETY: `i` is below the length (checked above, and reserving keeps the values), and
    // there is room for one more; the copy owns the reference added first.
    unsafe {
        let len = stack.len();
        let base = stack.as_mut_ptr();
        (*base.add(i)).add_ref();
        std::ptr::copy_nonoverlapping(base.add(i), base.add(len), 1);
        stack.set_len(len + 1);
    }
    true
}
