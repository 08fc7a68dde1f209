//! The compiled form of a function, class body or module: a flat list of instructions with their
//! constants, names, source spans and exception table. The instruction set follows CPython 3.11's
//! (same names where the meaning is the same) so its compiler is a guide to ours.

use std::rc::Rc;

use crate::syntax::ast::{BinOp, Span};
use crate::vm::symbol::Symbol;
use crate::vm::value::Value;

/// A source file, shared by every code object compiled from it (tracebacks quote its lines).
pub struct SourceFile {
    pub name: String,
    pub text: String,
    /// Byte offset of the start of each line.
    line_starts: Vec<u32>,
}

impl SourceFile {
    pub fn new(name: impl Into<String>, text: impl Into<String>) -> SourceFile {
        let text = text.into();
        let mut line_starts = vec![0];
        for (i, b) in text.bytes().enumerate() {
            if b == b'\n' {
                line_starts.push(i as u32 + 1);
            }
        }
        SourceFile {
            name: name.into(),
            text,
            line_starts,
        }
    }

    /// 1-based line number of a byte offset.
    pub fn line_of(&self, offset: u32) -> usize {
        match self.line_starts.binary_search(&offset) {
            Ok(i) => i + 1,
            Err(i) => i,
        }
    }

    /// The text of a 1-based line, without its newline.
    pub fn line_text(&self, line: usize) -> &str {
        if line == 0 || line > self.line_starts.len() {
            return "";
        }
        let start = self.line_starts[line - 1] as usize;
        let end = self
            .line_starts
            .get(line)
            .map(|&e| e as usize)
            .unwrap_or(self.text.len());
        self.text[start..end].trim_end_matches(['\n', '\r'])
    }
}

/// What the `FormatValue` instruction applies before formatting.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Conversion {
    None,
    Str,
    Repr,
    Ascii,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CompareKind {
    Eq,
    Ne,
    Lt,
    Le,
    Gt,
    Ge,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum UnaryKind {
    Neg,
    Pos,
    Invert,
    Not,
}

/// One instruction. Operands index into the code's tables: `consts`, `names`, local slots, cell
/// slots (cells first, then free variables), module global slots, or instruction indices.
// `repr(u8)`: every operand sits at a fixed, aligned offset after the tag, so the run loop
// loads it directly instead of assembling it from the bytes of an 8-byte copy.
#[derive(Clone, Copy, Debug, PartialEq)]
#[repr(u8)]
pub enum Instr {
    Nop,
    Pop,
    /// Push a copy of the value `n` places down (1 = top).
    Copy(u32),
    /// Swap the top with the value `n` places down (2 = second).
    Swap(u32),

    LoadConst(u32),
    LoadFast(u32),
    StoreFast(u32),
    DeleteFast(u32),
    /// Push the cell object itself (to build a closure).
    LoadClosure(u32),
    LoadDeref(u32),
    StoreDeref(u32),
    DeleteDeref(u32),
    /// In a class body: look the name up in the class namespace first, then the cell.
    LoadClassDeref(u32),
    LoadGlobal(u32),
    StoreGlobal(u32),
    DeleteGlobal(u32),
    /// Namespace-dict names, used in class bodies: operand indexes `names`.
    LoadName(u32),
    StoreName(u32),
    DeleteName(u32),

    LoadAttr(u32),
    StoreAttr(u32),
    DeleteAttr(u32),
    /// Pushes `[callable, self]`, or `[attribute, Undef]` when no binding is needed.
    LoadMethod(u32),
    /// `LoadFast(local)` and `LoadAttr(name)` in one (`self.x`): one dispatch, and an instance
    /// attribute the cache knows is read without copying the local onto the stack first.
    LoadFastAttr(u16, u32),
    /// `LoadFast(local)` and `LoadMethod(name)` in one (`self.method(...)`).
    LoadFastMethod(u16, u32),
    /// `super().name` as the callee of a call: `[super]` → `[callable, self_or_undef]`, as
    /// `LoadMethod` leaves them. When `super` is the builtin, no `super` object is made for a
    /// plain method (CPython 3.12's `LOAD_SUPER_ATTR`); otherwise it is called and the
    /// attribute looked up on the result.
    LoadSuperMethod(u32),
    /// Superinstruction heads (see `compile::fuse`). Each replaces a `LoadFast(local)` that
    /// starts a short sequence whose other instructions stay in place after it; the run loop
    /// does the whole sequence in one dispatch when its operands are ints or floats, and
    /// otherwise just the `LoadFast`, letting the rest run one by one.
    /// The head repeats the operands of the instructions after it (when they fit in 16 bits),
    /// so the common case decodes one instruction, or two with the jump or store.
    /// `LoadFast(local), LoadConst(konst), BinaryOp(op)|InplaceOp(op)[, StoreFast]`.
    LoadFastConstBinary {
        local: u16,
        konst: u16,
        op: BinOp,
    },
    /// `LoadFast(local), LoadFast(other), BinaryOp(op)|InplaceOp(op)[, StoreFast]`.
    LoadFastFastBinary {
        local: u16,
        other: u16,
        op: BinOp,
    },
    /// `LoadFast(local), LoadConst(konst), Compare(kind), PopJumpIfFalse|PopJumpIfTrue`.
    LoadFastConstCompareJump {
        local: u16,
        konst: u16,
        kind: CompareKind,
    },
    /// `LoadFast(local), LoadFast(other), Compare(kind), PopJumpIfFalse|PopJumpIfTrue`.
    LoadFastFastCompareJump {
        local: u16,
        other: u16,
        kind: CompareKind,
    },
    /// `LoadFast, ReturnValue` (the return itself can always be made when the frame can).
    LoadFastReturn(u32),
    /// `BinaryOp(op), ReturnValue` (`return a + b`).
    BinaryReturn(BinOp),
    /// `LoadConst(konst), Compare(kind), PopJumpIfFalse|PopJumpIfTrue`: the value on top
    /// (a call's result, an attribute) compared with a constant (`len(w) > 5`).
    LoadConstCompareJump {
        konst: u16,
        kind: CompareKind,
    },

    BinaryOp(BinOp),
    InplaceOp(BinOp),
    Unary(UnaryKind),
    Compare(CompareKind),
    /// `is` (false) / `is not` (true).
    IsOp(bool),
    /// `in` (false) / `not in` (true).
    ContainsOp(bool),
    BinarySubscr,
    StoreSubscr,
    DeleteSubscr,
    /// `lower:upper` (2) or `lower:upper:step` (3).
    BuildSlice(u32),

    BuildTuple(u32),
    BuildList(u32),
    BuildSet(u32),
    /// `n` key/value pairs.
    BuildMap(u32),
    /// A set display of three or more constants (the operand indexes a tuple constant): as
    /// CPython, build a frozenset constant from them and merge it into a new set, which
    /// decides the set's table layout and so its iteration order.
    BuildConstSet(u32),
    /// Concatenate `n` strings (f-strings).
    BuildString(u32),
    /// Append TOS to the list `n` places down (comprehensions).
    ListAppend(u32),
    SetAdd(u32),
    /// Add key (TOS1) and value (TOS) to the dict `n` places down.
    MapAdd(u32),
    ListExtend(u32),
    SetUpdate(u32),
    DictUpdate(u32),
    /// Like `DictUpdate` but rejects duplicate keys (for `f(**a, **b)`).
    DictMerge(u32),
    ListToTuple,
    /// Format TOS (with a spec below it when the flag is set) into a string.
    FormatValue(Conversion, bool),

    UnpackSequence(u32),
    /// `a, *b, c = x`: operand is (before << 8) | after.
    UnpackEx(u32),

    Jump(u32),
    PopJumpIfFalse(u32),
    PopJumpIfTrue(u32),
    PopJumpIfNone(u32),
    PopJumpIfNotNone(u32),
    JumpIfFalseOrPop(u32),
    JumpIfTrueOrPop(u32),

    GetIter,
    /// Push the iterator's next value, or pop the iterator and jump when it is exhausted.
    ForIter(u32),
    GetAIter,
    GetANext,
    /// At the end of `async for`: swallow `StopAsyncIteration`, re-raise anything else.
    EndAsyncFor,

    /// Call with `n` positional arguments: `[callable, args...]`.
    Call(u32),
    /// Call after `LoadMethod`: `[callable, self_or_undef, args...]`.
    CallMethod(u32),
    /// `[callable, args...]` with the shape `code.call_shapes[operand]`: the last
    /// `kwnames.len()` arguments are passed by keyword.
    CallKw(u32),
    /// `[callable, args-tuple, kwargs-dict-if-flag]`.
    CallEx(bool),
    /// Build a function from the code object on top; flags say which of defaults (tuple),
    /// kwdefaults (tuple aligned with kw-only params) and closure (tuple of cells) are below it.
    MakeFunction(u32),
    ReturnValue,
    YieldValue,
    /// Turn TOS into the iterator that `await` drives (`__await__`), checking it is awaitable.
    GetAwaitable,
    /// `yield from`: turn TOS into an iterator (generators and coroutines pass through).
    GetYieldFromIter,
    /// `[iter, value]`: send the value into the sub-iterator. When it returns, `[result]`; when
    /// it yields, this frame yields the same value and re-runs this instruction when resumed.
    Send,

    /// `raise` with 0 (re-raise), 1 (exception) or 2 (exception, cause) operands.
    Raise(u32),
    /// Re-raise TOS without adding a traceback entry.
    Reraise,
    /// `[exc]` → `[previous-handled, exc]`, and make `exc` the handled exception.
    PushExcInfo,
    /// `[previous-handled]` → `[]`, restoring the handled exception.
    PopExcept,
    /// `[exc, type]` → `[exc, matches]`.
    CheckExcMatch,
    /// `except*`: `[eg, type]` → `[rest, match-or-None]`.
    CheckEgMatch,
    /// `except*` end: combine the re-raised and un-handled parts. `[orig, list]` → `[exc-or-None]`.
    PrepReraiseStar,
    /// `with` exception path: `[exit, prev, exc]` → `[exit, prev, exc, exit(type, exc, tb)]`.
    WithExceptStart,
    /// `[cm]` → `[bound __exit__, result of __enter__()]`.
    BeforeWith,
    /// `[cm]` → `[bound __aexit__, awaitable of __aenter__()]`.
    BeforeAsyncWith,
    /// Push `AssertionError` (the class).
    LoadAssertionError,

    /// `import name` (operand: names index of the dotted name): push the module.
    ImportName(u32),
    /// `from m import name`: `[module]` → `[module, attr]`.
    ImportFrom(u32),
    /// `from m import *` into the module's globals.
    ImportStar,
    /// Push the builtin that builds classes: `[fn, name, bases...]` then `CallKw`/`Call`.
    LoadBuildClass,
    /// Set up `__annotations__`-free annotation evaluation: pops and discards.
    PopAnnotation,
    /// Convert the top to `bool` (used by `not` and tests on non-bool fast paths).
    ToBool,
    /// REPL: echo a non-None TOS with `repr` and bind it to `_`.
    PrintExpr,
}

/// The keyword names of a `CallKw`: the last `kwnames.len()` of `argc` arguments.
#[derive(Clone, Debug)]
pub struct CallShape {
    pub argc: u32,
    pub kwnames: Rc<[Symbol]>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub struct CodeFlags {
    pub varargs: bool,
    pub varkw: bool,
    pub generator: bool,
    pub coroutine: bool,
    pub async_generator: bool,
    /// A class body (namespace-dict locals).
    pub class_body: bool,
    /// Module-level code.
    pub module: bool,
}

/// Instructions `start..end` raise into `target` with the value stack cut to `depth`.
#[derive(Clone, Copy, Debug)]
pub struct ExceptionEntry {
    pub start: u32,
    pub end: u32,
    pub target: u32,
    pub depth: u32,
}

pub struct Code {
    pub name: Rc<str>,
    pub qualname: Rc<str>,
    pub file: Rc<SourceFile>,
    pub instrs: Vec<Instr>,
    /// The source span of each instruction, for tracebacks.
    pub spans: Vec<Span>,
    pub consts: Vec<Value>,
    pub names: Vec<Symbol>,
    pub exception_table: Vec<ExceptionEntry>,
    pub call_shapes: Vec<CallShape>,
    /// Parameters first (positional-only, positional, `*args`, keyword-only, `**kwargs` —
    /// CPython's order), then other locals.
    pub varnames: Vec<Symbol>,
    pub cellvars: Vec<Symbol>,
    pub freevars: Vec<Symbol>,
    /// For each cell variable that is also a parameter: (cell index, parameter index).
    pub cell_params: Vec<(u32, u32)>,
    pub argcount: u32,
    pub posonlyargcount: u32,
    pub kwonlyargcount: u32,
    pub flags: CodeFlags,
    /// A call passing up to `argcount` positional arguments just moves them into the first
    /// slots (defaults fill the rest, keyword-only parameters take their defaults): no
    /// `*args`/`**kwargs` (the run loop's fast call path).
    pub plain_positional: bool,
    /// Set by asyncio for the few functions of asyncio.py that Rust may run without a frame
    /// (`asyncio::stepped`): coroutines it steps, methods it runs. A call checks this flag.
    /// (Set it with `mark_native_path`, which keeps `plain_call_argc` in step.)
    pub native_path: std::cell::Cell<bool>,
    /// `argcount` when the frame is plain and `native_path` is not set, `NO_PLAIN_CALL`
    /// otherwise: the pooled call (`vm::plain_call`) makes one comparison. A plain frame is a
    /// function body with positional parameters only, no cells, not a generator or coroutine:
    /// called with exactly `argcount` positional arguments, its frame is just the arguments
    /// followed by unbound locals.
    pub plain_call_argc: std::cell::Cell<u32>,
    pub stacksize: u32,
    /// `nlocals() + stacksize`: the most values the frame's stack holds.
    pub frame_size: u32,
    pub first_line: u32,
    /// The docstring of a function (its `__doc__`), if its body starts with one.
    pub doc: Option<String>,
    /// `LoadAttr`/`LoadMethod` caches, one slot per entry of `names`.
    pub attr_cache: crate::vm::attr_cache::AttrCache,
}

impl Code {
    pub fn nlocals(&self) -> usize {
        self.varnames.len()
    }

    pub fn ncells(&self) -> usize {
        self.cellvars.len() + self.freevars.len()
    }

    /// The handler for an exception raised at instruction `pc`.
    pub fn handler_for(&self, pc: u32) -> Option<&ExceptionEntry> {
        // Entries are sorted by start and do not overlap.
        let idx = self.exception_table.partition_point(|e| e.end <= pc);
        self.exception_table
            .get(idx)
            .filter(|e| e.start <= pc && pc < e.end)
    }

    pub fn line_of(&self, pc: u32) -> usize {
        match self.spans.get(pc as usize) {
            Some(span) => self.file.line_of(span.start),
            None => self.first_line as usize,
        }
    }

    pub fn span_of(&self, pc: u32) -> Span {
        self.spans.get(pc as usize).copied().unwrap_or_default()
    }

    /// Marks the code as one asyncio runs from Rust (`native_path`): calls of it go through
    /// the VM, never the pooled call.
    pub fn mark_native_path(&self) {
        self.native_path.set(true);
        self.plain_call_argc.set(NO_PLAIN_CALL);
    }

    pub fn is_async_or_generator(&self) -> bool {
        self.flags.generator || self.flags.coroutine || self.flags.async_generator
    }
}

impl Instr {
    /// The local a `LoadFast`, or a superinstruction head standing for its `LoadFast`, loads
    /// (0 for any other instruction).
    pub fn first_local(&self) -> u32 {
        match *self {
            Instr::LoadFast(i) | Instr::LoadFastReturn(i) => i,
            Instr::LoadFastConstBinary { local, .. }
            | Instr::LoadFastFastBinary { local, .. }
            | Instr::LoadFastConstCompareJump { local, .. }
            | Instr::LoadFastFastCompareJump { local, .. } => local as u32,
            _ => 0,
        }
    }
}

/// `Code::plain_call_argc` of code that the pooled call never runs (no argument count is this
/// big).
pub const NO_PLAIN_CALL: u32 = u32::MAX;

const _: () = assert!(std::mem::size_of::<Instr>() == 8);
