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

pub struct Frame {
    pub code: Rc<Code>,
    /// Index of the next instruction.
    pub pc: u32,
    /// Local variable slots (`code.nlocals()` of them) followed by the value stack.
    pub stack: Vec<Value>,
    /// Cell variables then free variables.
    pub cells: Vec<CellRef>,
    pub globals: Rc<Module>,
    /// The namespace dict of a class body (names are not slots there).
    pub namespace: Option<DictRef>,
    /// The exception being handled by an `except`/`finally` block in this frame, if any.
    pub handled: Option<Value>,
    pub exit: FrameExit,
    /// The generator this frame belongs to, only while it runs (a suspended generator owns its
    /// frame; holding the generator here then would be a reference cycle).
    pub generator: Option<Rc<Generator>>,
}

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
            cells: Vec::new(),
            globals,
            namespace: None,
            handled: None,
            exit: FrameExit::Push,
            generator: None,
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
