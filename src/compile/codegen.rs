//! Code generation: AST → `Code`. One `Unit` per function, class body, lambda or comprehension
//! being compiled. Control flow that leaves a `try`, `with` or loop early (`break`, `continue`,
//! `return`) unwinds the compile-time block stack as CPython's compiler does, inlining `finally`
//! bodies and `__exit__` calls. Exception handlers are recorded per instruction and turned into an
//! exception table at the end (CPython 3.11's zero-cost scheme).

use std::collections::HashMap;
use std::rc::Rc;

use super::code::*;
use super::scope::{NameAccess, ScopeKind, ScopeTable};
use super::stack::compute_stack_depths;
use crate::syntax::ast::*;
use crate::syntax::error::{SyntaxError, SyntaxErrorKind};
use crate::vm::object::Module as PyModule;
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Mode {
    /// A file or `-c`: module-level code.
    #[default]
    File,
    /// A REPL entry: expression statements echo their value, top-level `await` is allowed.
    Interactive,
}

/// Compile a parsed module whose globals live in `module`.
pub fn compile_module(
    ast: &Module,
    file: Rc<SourceFile>,
    module: &Rc<PyModule>,
    mode: Mode,
) -> Result<Rc<Code>, SyntaxError> {
    let table = super::scope::analyze(ast)?;
    let mut c = Compiler {
        file,
        table: &table,
        module: module.clone(),
        units: Vec::new(),
        mode,
    };
    c.push_unit(
        0,
        "<module>".into(),
        "<module>".into(),
        ast.body.first().map(|s| s.span),
    );
    c.unit().flags.module = true;
    let top_level_await = mode == Mode::Interactive && contains_await(&ast.body);
    if top_level_await {
        c.unit().flags.coroutine = true;
    }
    c.body(&ast.body)?;
    let none = c.const_value(Value::None);
    c.emit(Instr::LoadConst(none));
    c.emit(Instr::ReturnValue);
    Ok(Rc::new(c.pop_unit()))
}

/// Labels are placeholders for instruction indices, patched when a unit is finished.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Label(u32);

struct Handler {
    target: Label,
    /// Instruction index where the protected range starts; the handler's stack depth is the
    /// depth there, plus `adjust`.
    setup_at: u32,
    adjust: i32,
}

/// A compile-time block that early exits must unwind (CPython's `fblockinfo`).
#[derive(Clone)]
enum Block {
    /// `pops_iterator`: a `for` loop's iterator sits on the stack.
    Loop {
        continue_to: Label,
        break_to: Label,
        pops_iterator: bool,
    },
    /// The body of a `try` with a `finally`.
    FinallyTry { finalbody: Vec<Stmt> },
    /// The exception path of a `finally` body: `[prev, exc]` on the stack.
    FinallyEnd,
    /// An `except` body: `[prev]` on the stack; the `as` name is cleared on exit.
    HandlerCleanup { name: Option<String> },
    /// A `with` body: `[exit]` on the stack.
    With { is_async: bool },
    /// A try body with only `except` clauses: nothing to do on exit.
    TryExcept,
}

struct BlockInfo {
    block: Block,
    /// Handler-stack height when the block started: unwinding code runs outside its handlers.
    handlers_len: usize,
}

struct Unit {
    scope: usize,
    name: String,
    qualname: String,
    instrs: Vec<Instr>,
    spans: Vec<Span>,
    handler_of: Vec<Option<u32>>,
    consts: Vec<Value>,
    const_index: HashMap<ConstKey, u32>,
    names: Vec<Symbol>,
    name_index: HashMap<Symbol, u32>,
    varnames: Vec<Symbol>,
    var_index: HashMap<String, u32>,
    cell_index: HashMap<String, u32>,
    cellvars: Vec<Symbol>,
    freevars: Vec<Symbol>,
    labels: Vec<Option<u32>>,
    handlers: Vec<Handler>,
    handler_stack: Vec<u32>,
    blocks: Vec<BlockInfo>,
    call_shapes: Vec<CallShape>,
    flags: CodeFlags,
    span: Span,
    argcount: u32,
    posonlyargcount: u32,
    kwonlyargcount: u32,
    first_line: u32,
    /// Inside an async comprehension or function: `await` is allowed.
    in_async: bool,
    /// The innermost enclosing class, whose name mangles `__private` names.
    class_name: Option<String>,
    doc: Option<String>,
}

/// Constants are deduplicated by value (and type: `1`, `1.0` and `True` are distinct).
#[derive(Hash, PartialEq, Eq)]
enum ConstKey {
    None,
    True,
    False,
    Ellipsis,
    Int(i64),
    Float(u64),
    Complex(u64, u64),
    Str(String),
    Bytes(Vec<u8>),
    Other(usize),
}

struct Compiler<'a> {
    file: Rc<SourceFile>,
    table: &'a ScopeTable,
    module: Rc<PyModule>,
    units: Vec<Unit>,
    mode: Mode,
}

fn error(message: impl Into<String>, span: Span) -> SyntaxError {
    SyntaxError::new(SyntaxErrorKind::SyntaxError, message, span)
}

type CResult = Result<(), SyntaxError>;

/// Teaching hints for the async keywords used where they cannot work (shown as notes; the
/// message stays CPython's).
mod teaching {
    pub const AWAIT_OUTSIDE_FUNCTION: &str = "`await` only works inside an `async def` function. \
        Put this code in `async def main():` and start it with `asyncio.run(main())` \
        (notebooks and `python -m asyncio` allow a top-level `await`; scripts do not)";
    pub const AWAIT_OUTSIDE_ASYNC: &str = "this function is a plain `def`: make it `async def` \
        to use `await` in it, and await the calls to it";
    pub const ASYNC_WITH_OUTSIDE: &str = "`async with` only works inside an `async def` \
        function. Put this code in `async def main():` and start it with `asyncio.run(main())`";
    pub const ASYNC_FOR_OUTSIDE: &str = "`async for` only works inside an `async def` \
        function. Put this code in `async def main():` and start it with `asyncio.run(main())`";
}

impl<'a> Compiler<'a> {
    // ----- units -------------------------------------------------------------------------

    fn push_unit(&mut self, scope: usize, name: String, qualname: String, span: Option<Span>) {
        let s = &self.table.scopes[scope];
        let mut unit = Unit {
            scope,
            name,
            qualname,
            instrs: Vec::new(),
            spans: Vec::new(),
            handler_of: Vec::new(),
            consts: Vec::new(),
            const_index: HashMap::new(),
            names: Vec::new(),
            name_index: HashMap::new(),
            varnames: Vec::new(),
            var_index: HashMap::new(),
            cell_index: HashMap::new(),
            cellvars: Vec::new(),
            freevars: Vec::new(),
            labels: Vec::new(),
            handlers: Vec::new(),
            handler_stack: Vec::new(),
            blocks: Vec::new(),
            call_shapes: Vec::new(),
            flags: CodeFlags::default(),
            span: span.unwrap_or_default(),
            argcount: 0,
            posonlyargcount: 0,
            kwonlyargcount: 0,
            first_line: span
                .map(|sp| self.file.line_of(sp.start) as u32)
                .unwrap_or(1),
            in_async: false,
            doc: None,
            class_name: if s.kind == ScopeKind::Class {
                Some(s.name.clone())
            } else {
                self.units.last().and_then(|u| u.class_name.clone())
            },
        };
        if matches!(
            s.kind,
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        ) {
            for name in s.local_names() {
                let idx = unit.varnames.len() as u32;
                unit.varnames.push(intern(&name));
                unit.var_index.insert(name, idx);
            }
        }
        for name in &s.cellvars {
            let idx = unit.cellvars.len() as u32;
            unit.cellvars.push(intern(name));
            unit.cell_index.insert(name.clone(), idx);
        }
        let ncells = unit.cellvars.len() as u32;
        for name in &s.freevars {
            let idx = ncells + unit.freevars.len() as u32;
            unit.freevars.push(intern(name));
            unit.cell_index.insert(name.clone(), idx);
        }
        if s.kind == ScopeKind::Class {
            unit.flags.class_body = true;
        }
        self.units.push(unit);
    }

    fn pop_unit(&mut self) -> Code {
        let mut unit = self.units.pop().expect("unit stack");
        // Patch labels.
        for instr in unit.instrs.iter_mut() {
            if let Some(target) = jump_target_mut(instr) {
                // Unbound only when compilation already failed; the code is then discarded.
                *target = unit.labels[*target as usize].unwrap_or(0);
            }
        }
        let handler_targets: Vec<u32> = unit
            .handlers
            .iter()
            .map(|h| unit.labels[h.target.0 as usize].unwrap_or(0))
            .collect();
        let shapes = &unit.call_shapes;
        let (depths, stacksize) = compute_stack_depths(
            &unit.instrs,
            &unit.handler_of,
            &|h: u32| {
                let handler = &unit.handlers[h as usize];
                (
                    handler_targets[h as usize],
                    handler.setup_at,
                    handler.adjust,
                )
            },
            &|shape: u32| -(shapes[shape as usize].argc as i32),
        );
        // Exception table: maximal runs of instructions sharing a handler.
        let mut table = Vec::new();
        let mut i = 0;
        while i < unit.instrs.len() {
            if let Some(h) = unit.handler_of[i] {
                let start = i;
                while i < unit.instrs.len() && unit.handler_of[i] == Some(h) {
                    i += 1;
                }
                let handler = &unit.handlers[h as usize];
                let base = depths
                    .get(handler.setup_at as usize)
                    .copied()
                    .flatten()
                    .unwrap_or(0) as i32;
                table.push(ExceptionEntry {
                    start: start as u32,
                    end: i as u32,
                    target: handler_targets[h as usize],
                    depth: (base + handler.adjust).max(0) as u32,
                });
            } else {
                i += 1;
            }
        }
        let scope = &self.table.scopes[unit.scope];
        let mut cell_params = Vec::new();
        for (ci, name) in scope.cellvars.iter().enumerate() {
            if let Some(pi) = scope.params.iter().position(|p| p == name) {
                cell_params.push((ci as u32, pi as u32));
            }
        }
        let plain_positional = !unit.flags.varargs && !unit.flags.varkw;
        let flags = unit.flags;
        let plain_frame = plain_positional
            && unit.kwonlyargcount == 0
            && unit.cellvars.is_empty()
            && unit.freevars.is_empty()
            && !(flags.generator || flags.coroutine || flags.async_generator)
            && !(flags.class_body || flags.module);
        super::fuse::mark_superinstructions(&mut unit.instrs);
        let nlocals = unit.varnames.len() as u32;
        Code {
            name: unit.name.into(),
            qualname: unit.qualname.into(),
            file: self.file.clone(),
            instrs: unit.instrs,
            spans: unit.spans,
            consts: unit.consts,
            names: unit.names,
            exception_table: table,
            call_shapes: unit.call_shapes,
            varnames: unit.varnames,
            cellvars: unit.cellvars,
            freevars: unit.freevars,
            cell_params,
            argcount: unit.argcount,
            posonlyargcount: unit.posonlyargcount,
            kwonlyargcount: unit.kwonlyargcount,
            flags: unit.flags,
            plain_positional,
            native_path: std::cell::Cell::new(false),
            plain_call_argc: std::cell::Cell::new(if plain_frame {
                unit.argcount
            } else {
                super::code::NO_PLAIN_CALL
            }),
            stacksize,
            frame_size: nlocals + stacksize,
            first_line: unit.first_line,
            doc: unit.doc,
            attr_cache: Default::default(),
        }
    }

    fn unit(&mut self) -> &mut Unit {
        self.units.last_mut().expect("unit")
    }

    fn scope_kind(&self) -> ScopeKind {
        self.table.scopes[self.units.last().expect("unit").scope].kind
    }

    // ----- emission ----------------------------------------------------------------------

    fn emit(&mut self, instr: Instr) {
        let unit = self.unit();
        let span = unit.span;
        let handler = unit.handler_stack.last().copied();
        unit.instrs.push(instr);
        unit.spans.push(span);
        unit.handler_of.push(handler);
    }

    fn new_label(&mut self) -> Label {
        let unit = self.unit();
        unit.labels.push(None);
        Label(unit.labels.len() as u32 - 1)
    }

    fn bind(&mut self, label: Label) {
        let unit = self.unit();
        unit.labels[label.0 as usize] = Some(unit.instrs.len() as u32);
    }

    fn jump(&mut self, make: fn(u32) -> Instr, label: Label) {
        self.emit(make(label.0));
    }

    fn push_handler(&mut self, target: Label, adjust: i32) {
        let unit = self.unit();
        let id = unit.handlers.len() as u32;
        unit.handlers.push(Handler {
            target,
            setup_at: unit.instrs.len() as u32,
            adjust,
        });
        unit.handler_stack.push(id);
    }

    fn pop_handler(&mut self) {
        self.unit().handler_stack.pop();
    }

    fn push_block(&mut self, block: Block) {
        let unit = self.unit();
        let handlers_len = unit.handler_stack.len();
        unit.blocks.push(BlockInfo {
            block,
            handlers_len,
        });
    }

    fn pop_block(&mut self) {
        self.unit().blocks.pop();
    }

    fn const_value(&mut self, v: Value) -> u32 {
        let key = match &v {
            Value::None => ConstKey::None,
            Value::Bool(b) if b.get() => ConstKey::True,
            Value::Bool(_) => ConstKey::False,
            Value::Ellipsis => ConstKey::Ellipsis,
            Value::Int(i) => ConstKey::Int(*i),
            Value::Float(f) => ConstKey::Float(f.get().to_bits()),
            Value::Complex(z) => ConstKey::Complex(z.re.to_bits(), z.im.to_bits()),
            Value::Str(s) => ConstKey::Str(s.as_str().to_string()),
            Value::Bytes(b) => ConstKey::Bytes(b.to_vec()),
            _ => ConstKey::Other(self.units.last().map(|u| u.consts.len()).unwrap_or(0)),
        };
        let unit = self.unit();
        if let Some(&i) = unit.const_index.get(&key) {
            return i;
        }
        let i = unit.consts.len() as u32;
        unit.consts.push(v);
        unit.const_index.insert(key, i);
        i
    }

    fn load_const(&mut self, v: Value) {
        let i = self.const_value(v);
        self.emit(Instr::LoadConst(i));
    }

    /// CPython's private name mangling: `__x` inside class `C` is `_C__x`.
    fn mangle(&self, name: &str) -> String {
        let Some(class) = self.units.last().and_then(|u| u.class_name.as_deref()) else {
            return name.to_string();
        };
        if !name.starts_with("__") || name.ends_with("__") || name.contains('.') {
            return name.to_string();
        }
        let stripped = class.trim_start_matches('_');
        if stripped.is_empty() {
            return name.to_string();
        }
        format!("_{stripped}{name}")
    }

    fn attr_idx(&mut self, attr: &str) -> u32 {
        let mangled = self.mangle(attr);
        self.name_idx(&mangled)
    }

    fn name_idx(&mut self, name: &str) -> u32 {
        let sym = intern(name);
        let unit = self.unit();
        if let Some(&i) = unit.name_index.get(&sym) {
            return i;
        }
        let i = unit.names.len() as u32;
        unit.names.push(sym);
        unit.name_index.insert(sym, i);
        i
    }

    fn global_slot(&mut self, name: &str) -> u32 {
        self.module.globals.borrow_mut().slot(intern(name))
    }

    fn with_span<T>(&mut self, span: Span, f: impl FnOnce(&mut Self) -> T) -> T {
        let saved = self.unit().span;
        self.unit().span = span;
        let out = f(self);
        self.unit().span = saved;
        out
    }

    // ----- names -------------------------------------------------------------------------

    fn access(&self, name: &str) -> NameAccess {
        let unit = self.units.last().expect("unit");
        self.table.scopes[unit.scope].access_of(name)
    }

    fn load_name(&mut self, name: &str) {
        match self.access(name) {
            NameAccess::Local => {
                let i = self.unit().var_index[name];
                self.emit(Instr::LoadFast(i));
            }
            NameAccess::Cell | NameAccess::Free => {
                let i = self.cell_idx(name);
                self.emit(Instr::LoadDeref(i));
            }
            NameAccess::ClassFree => {
                let i = self.cell_idx(name);
                self.emit(Instr::LoadClassDeref(i));
            }
            NameAccess::Global => {
                let slot = self.global_slot(name);
                self.emit(Instr::LoadGlobal(slot));
            }
            NameAccess::Namespace => {
                let i = self.attr_idx(name);
                self.emit(Instr::LoadName(i));
            }
        }
    }

    /// The slot of `e` if it is a plain local variable whose load can be fused into the
    /// attribute access that follows (`LoadFastAttr`, `LoadFastMethod`).
    fn fusable_local(&self, e: &Expr) -> Option<u16> {
        let ExprKind::Name(name) = &e.kind else {
            return None;
        };
        if !matches!(self.access(name), NameAccess::Local) {
            return None;
        }
        let unit = self.units.last()?;
        u16::try_from(*unit.var_index.get(name.as_str())?).ok()
    }

    fn cell_idx(&mut self, name: &str) -> u32 {
        match self.unit().cell_index.get(name) {
            Some(&i) => i,
            None => {
                // A name the scope pass routed through this unit late: add it as a free variable.
                let unit = self.unit();
                let i = (unit.cellvars.len() + unit.freevars.len()) as u32;
                unit.freevars.push(intern(name));
                unit.cell_index.insert(name.to_string(), i);
                i
            }
        }
    }

    fn store_name(&mut self, name: &str) {
        match self.access(name) {
            NameAccess::Local => {
                let i = self.unit().var_index[name];
                self.emit(Instr::StoreFast(i));
            }
            NameAccess::Cell | NameAccess::Free | NameAccess::ClassFree => {
                let i = self.cell_idx(name);
                self.emit(Instr::StoreDeref(i));
            }
            NameAccess::Global => {
                let slot = self.global_slot(name);
                self.emit(Instr::StoreGlobal(slot));
            }
            NameAccess::Namespace => {
                let i = self.attr_idx(name);
                self.emit(Instr::StoreName(i));
            }
        }
    }

    fn delete_name(&mut self, name: &str) {
        match self.access(name) {
            NameAccess::Local => {
                let i = self.unit().var_index[name];
                self.emit(Instr::DeleteFast(i));
            }
            NameAccess::Cell | NameAccess::Free | NameAccess::ClassFree => {
                let i = self.cell_idx(name);
                self.emit(Instr::DeleteDeref(i));
            }
            NameAccess::Global => {
                let slot = self.global_slot(name);
                self.emit(Instr::DeleteGlobal(slot));
            }
            NameAccess::Namespace => {
                let i = self.attr_idx(name);
                self.emit(Instr::DeleteName(i));
            }
        }
    }

    // ----- statements --------------------------------------------------------------------

    fn body(&mut self, body: &[Stmt]) -> CResult {
        for stmt in body {
            self.stmt(stmt)?;
        }
        Ok(())
    }

    fn stmt(&mut self, stmt: &Stmt) -> CResult {
        let saved = self.unit().span;
        self.unit().span = stmt.span;
        let r = self.stmt_inner(stmt);
        self.unit().span = saved;
        r
    }

    fn stmt_inner(&mut self, stmt: &Stmt) -> CResult {
        match &stmt.kind {
            StmtKind::Expr(e) => {
                if self.mode == Mode::Interactive
                    && self.units.len() == 1
                    && !matches!(e.kind, ExprKind::Constant(Constant::None))
                {
                    self.expr(e)?;
                    self.emit(Instr::PrintExpr);
                } else {
                    self.expr(e)?;
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Assign { targets, value } => {
                self.expr(value)?;
                for (i, t) in targets.iter().enumerate() {
                    if i + 1 < targets.len() {
                        self.emit(Instr::Copy(1));
                    }
                    self.assign(t)?;
                }
            }
            StmtKind::AugAssign { target, op, value } => self.aug_assign(target, *op, value)?,
            StmtKind::AnnAssign {
                target,
                annotation,
                value,
                simple,
            } => {
                if let Some(v) = value {
                    self.expr(v)?;
                    self.assign(target)?;
                } else if !simple || !matches!(target.kind, ExprKind::Name(_)) {
                    // `obj.attr: int` evaluates `obj` (CPython checks it exists).
                    if let ExprKind::Attribute { value, .. } = &target.kind {
                        self.expr(value)?;
                        self.emit(Instr::Pop);
                    }
                }
                // Annotations of module and class level names are evaluated; inside functions
                // CPython does not evaluate them.
                if self.scope_kind() != ScopeKind::Function
                    && self.scope_kind() != ScopeKind::Lambda
                {
                    self.expr(annotation)?;
                    self.emit(Instr::PopAnnotation);
                }
            }
            StmtKind::Delete(targets) => {
                for t in targets {
                    self.delete(t)?;
                }
            }
            StmtKind::Pass => {}
            StmtKind::Break => self.break_stmt(stmt.span)?,
            StmtKind::Continue => self.continue_stmt(stmt.span)?,
            StmtKind::Return(value) => self.return_stmt(value.as_ref(), stmt.span)?,
            StmtKind::If { test, body, orelse } => {
                let end = self.new_label();
                if orelse.is_empty() {
                    self.jump_if(test, false, end)?;
                    self.body(body)?;
                } else {
                    let else_ = self.new_label();
                    self.jump_if(test, false, else_)?;
                    self.body(body)?;
                    self.jump(Instr::Jump, end);
                    self.bind(else_);
                    self.body(orelse)?;
                }
                self.bind(end);
            }
            StmtKind::While { test, body, orelse } => {
                let top = self.new_label();
                let end = self.new_label();
                let else_ = self.new_label();
                self.bind(top);
                self.jump_if(test, false, else_)?;
                self.push_block(Block::Loop {
                    continue_to: top,
                    break_to: end,
                    pops_iterator: false,
                });
                self.body(body)?;
                self.pop_block();
                self.jump(Instr::Jump, top);
                self.bind(else_);
                self.body(orelse)?;
                self.bind(end);
            }
            StmtKind::For {
                is_async,
                target,
                iter,
                body,
                orelse,
            } => {
                if *is_async {
                    self.async_for(target, iter, body, orelse, stmt.span)?;
                } else {
                    self.for_loop(target, iter, body, orelse)?;
                }
            }
            StmtKind::FunctionDef(def) => self.function_def(def)?,
            StmtKind::ClassDef(class) => self.class_def(class)?,
            StmtKind::Try {
                body,
                handlers,
                orelse,
                finalbody,
                is_star,
            } => {
                if finalbody.is_empty() {
                    self.try_except(body, handlers, orelse, *is_star)?;
                } else {
                    self.try_finally(body, handlers, orelse, finalbody, *is_star)?;
                }
            }
            StmtKind::Raise { exc, cause } => {
                let mut n = 0;
                if let Some(e) = exc {
                    self.expr(e)?;
                    n = 1;
                    if let Some(c) = cause {
                        self.expr(c)?;
                        n = 2;
                    }
                }
                self.emit(Instr::Raise(n));
            }
            StmtKind::With {
                is_async,
                items,
                body,
            } => {
                if *is_async && !self.async_allowed() {
                    return Err(error("'async with' outside async function", stmt.span)
                        .with_hint(teaching::ASYNC_WITH_OUTSIDE));
                }
                self.with_items(items, body, *is_async)?;
            }
            StmtKind::Assert { test, msg } => {
                let end = self.new_label();
                self.jump_if(test, true, end)?;
                self.emit(Instr::LoadAssertionError);
                if let Some(m) = msg {
                    self.expr(m)?;
                    self.emit(Instr::Call(1));
                }
                self.emit(Instr::Raise(1));
                self.bind(end);
            }
            StmtKind::Import(aliases) => {
                for a in aliases {
                    self.with_span(a.span, |c| -> CResult {
                        let idx = c.name_idx(&a.name);
                        c.emit(Instr::ImportName(idx));
                        match &a.asname {
                            Some(asname) => {
                                for part in a.name.split('.').skip(1) {
                                    let i = c.name_idx(part);
                                    c.emit(Instr::LoadAttr(i));
                                }
                                c.store_name(asname);
                            }
                            None => {
                                let first = a.name.split('.').next().unwrap_or("");
                                c.store_name(first);
                            }
                        }
                        Ok(())
                    })?;
                }
            }
            StmtKind::ImportFrom {
                module,
                names,
                level,
            } => {
                if *level > 0 {
                    return Err(SyntaxError::new(
                        SyntaxErrorKind::SyntaxError,
                        "attempted relative import with no known parent package",
                        stmt.span,
                    ));
                }
                let idx = self.name_idx(module);
                self.emit(Instr::ImportName(idx));
                for a in names {
                    self.with_span(a.span, |c| {
                        if a.name == "*" {
                            c.emit(Instr::ImportStar);
                        } else {
                            let i = c.name_idx(&a.name);
                            c.emit(Instr::ImportFrom(i));
                            c.store_name(a.asname.as_deref().unwrap_or(&a.name));
                        }
                    });
                }
                if !names.iter().any(|a| a.name == "*") {
                    self.emit(Instr::Pop);
                }
            }
            StmtKind::Global(_) | StmtKind::Nonlocal(_) => {}
        }
        Ok(())
    }

    fn async_allowed(&self) -> bool {
        let unit = self.units.last().expect("unit");
        unit.flags.coroutine || unit.flags.async_generator || unit.in_async
    }

    fn in_function(&self) -> bool {
        matches!(
            self.scope_kind(),
            ScopeKind::Function | ScopeKind::Lambda | ScopeKind::Comprehension
        )
    }

    fn assign(&mut self, target: &Expr) -> CResult {
        self.with_span(target.span, |c| c.assign_inner(target))
    }

    fn assign_inner(&mut self, target: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => self.store_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::StoreSubscr);
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                let star = items
                    .iter()
                    .position(|e| matches!(e.kind, ExprKind::Starred(_)));
                match star {
                    None => self.emit(Instr::UnpackSequence(items.len() as u32)),
                    Some(pos) => {
                        if items
                            .iter()
                            .filter(|e| matches!(e.kind, ExprKind::Starred(_)))
                            .count()
                            > 1
                        {
                            return Err(error(
                                "multiple starred expressions in assignment",
                                target.span,
                            ));
                        }
                        let after = items.len() - pos - 1;
                        self.emit(Instr::UnpackEx(((pos as u32) << 8) | after as u32));
                    }
                }
                for item in items {
                    match &item.kind {
                        ExprKind::Starred(inner) => self.assign(inner)?,
                        _ => self.assign(item)?,
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(error(
                    "starred assignment target must be in a list or tuple",
                    target.span,
                ))
            }
            _ => return Err(error("cannot assign to expression", target.span)),
        }
        Ok(())
    }

    fn delete(&mut self, target: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => self.delete_name(n),
            ExprKind::Attribute { value, attr } => {
                self.expr(value)?;
                let i = self.attr_idx(attr);
                self.with_span(target.span, |c| c.emit(Instr::DeleteAttr(i)));
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.with_span(target.span, |c| c.emit(Instr::DeleteSubscr));
            }
            ExprKind::Tuple(items) | ExprKind::List(items) => {
                for i in items {
                    self.delete(i)?;
                }
            }
            _ => return Err(error("cannot delete expression", target.span)),
        }
        Ok(())
    }

    fn aug_assign(&mut self, target: &Expr, op: BinOp, value: &Expr) -> CResult {
        match &target.kind {
            ExprKind::Name(n) => {
                self.with_span(target.span, |c| c.load_name(n));
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.store_name(n);
            }
            ExprKind::Attribute { value: obj, attr } => {
                self.expr(obj)?;
                self.emit(Instr::Copy(1));
                let i = self.attr_idx(attr);
                self.with_span(target.span, |c| c.emit(Instr::LoadAttr(i)));
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreAttr(i));
            }
            ExprKind::Subscript { value: obj, index } => {
                self.expr(obj)?;
                self.expr(index)?;
                self.emit(Instr::Copy(2));
                self.emit(Instr::Copy(2));
                self.with_span(target.span, |c| c.emit(Instr::BinarySubscr));
                self.expr(value)?;
                self.emit(Instr::InplaceOp(op));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(Instr::StoreSubscr);
            }
            _ => {
                return Err(error(
                    "'expression' is an illegal expression for augmented assignment",
                    target.span,
                ))
            }
        }
        Ok(())
    }

    fn for_loop(&mut self, target: &Expr, iter: &Expr, body: &[Stmt], orelse: &[Stmt]) -> CResult {
        let top = self.new_label();
        let end = self.new_label();
        let exhausted = self.new_label();
        self.expr(iter)?;
        self.with_span(iter.span, |c| c.emit(Instr::GetIter));
        self.bind(top);
        self.with_span(iter.span, |c| c.jump(Instr::ForIter, exhausted));
        self.assign(target)?;
        self.push_block(Block::Loop {
            continue_to: top,
            break_to: end,
            pops_iterator: true,
        });
        self.body(body)?;
        self.pop_block();
        self.jump(Instr::Jump, top);
        self.bind(exhausted);
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    fn async_for(
        &mut self,
        target: &Expr,
        iter: &Expr,
        body: &[Stmt],
        orelse: &[Stmt],
        span: Span,
    ) -> CResult {
        if !self.async_allowed() {
            return Err(error("'async for' outside async function", span)
                .with_hint(teaching::ASYNC_FOR_OUTSIDE));
        }
        let top = self.new_label();
        let end = self.new_label();
        let stop = self.new_label();
        self.expr(iter)?;
        self.with_span(iter.span, |c| c.emit(Instr::GetAIter));
        self.bind(top);
        self.push_handler(stop, 0);
        self.with_span(iter.span, |c| {
            c.emit(Instr::GetANext);
            c.load_const(Value::None);
            c.emit(Instr::Send);
        });
        self.pop_handler();
        self.assign(target)?;
        self.push_block(Block::Loop {
            continue_to: top,
            break_to: end,
            pops_iterator: true,
        });
        self.body(body)?;
        self.pop_block();
        self.jump(Instr::Jump, top);
        // `[aiter, exc]`: StopAsyncIteration ends the loop, anything else propagates.
        self.bind(stop);
        self.with_span(iter.span, |c| c.emit(Instr::EndAsyncFor));
        self.body(orelse)?;
        self.bind(end);
        Ok(())
    }

    /// Emit the code that leaves block `i` early (CPython's `compiler_unwind_fblock`).
    /// `preserve_tos`: a return value sits on top of the block's stack.
    fn unwind_block(&mut self, info: &BlockInfo, preserve_tos: bool) -> CResult {
        let saved_handlers = self.unit().handler_stack.clone();
        self.unit().handler_stack.truncate(info.handlers_len);
        match &info.block {
            Block::Loop { pops_iterator, .. } => {
                if *pops_iterator {
                    if preserve_tos {
                        self.emit(Instr::Swap(2));
                    }
                    self.emit(Instr::Pop);
                }
            }
            Block::TryExcept => {}
            Block::FinallyTry { finalbody } => {
                // The finally body runs outside its own block so that a `return` inside it does
                // not run it again.
                let finalbody = finalbody.clone();
                self.body(&finalbody)?;
            }
            Block::FinallyEnd => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::Pop);
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
            }
            Block::HandlerCleanup { name } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.emit(Instr::PopExcept);
                if let Some(name) = name {
                    self.load_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                }
            }
            Block::With { is_async } => {
                if preserve_tos {
                    self.emit(Instr::Swap(2));
                }
                self.call_exit_with_nones(*is_async);
            }
        }
        self.unit().handler_stack = saved_handlers;
        Ok(())
    }

    /// `[exit]` → `[]`: call `exit(None, None, None)` (awaiting it for `async with`).
    fn call_exit_with_nones(&mut self, is_async: bool) {
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.load_const(Value::None);
        self.emit(Instr::Call(3));
        if is_async {
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Instr::Send);
        }
        self.emit(Instr::Pop);
    }

    /// Unwind blocks from the innermost outwards, stopping at (and returning) the innermost loop
    /// when `until_loop` is set.
    fn unwind_blocks(
        &mut self,
        until_loop: bool,
        preserve_tos: bool,
    ) -> Result<Option<Block>, SyntaxError> {
        let mut popped = Vec::new();
        let mut found = None;
        while let Some(info) = self.unit().blocks.pop() {
            if until_loop {
                if let Block::Loop { .. } = info.block {
                    found = Some(info.block.clone());
                    popped.push(info);
                    break;
                }
            }
            let r = self.unwind_block(&info, preserve_tos);
            popped.push(info);
            r?;
        }
        // Restore the block stack: the code after this jump is still inside those blocks.
        while let Some(info) = popped.pop() {
            self.unit().blocks.push(info);
        }
        Ok(found)
    }

    fn break_stmt(&mut self, span: Span) -> CResult {
        if !self.has_loop() {
            return Err(error("'break' outside loop", span));
        }
        if let Some(Block::Loop {
            break_to,
            pops_iterator,
            ..
        }) = self.unwind_blocks(true, false)?
        {
            if pops_iterator {
                self.emit(Instr::Pop);
            }
            self.jump(Instr::Jump, break_to);
        }
        Ok(())
    }

    fn continue_stmt(&mut self, span: Span) -> CResult {
        if !self.has_loop() {
            return Err(error("'continue' not properly in loop", span));
        }
        if let Some(Block::Loop { continue_to, .. }) = self.unwind_blocks(true, false)? {
            self.jump(Instr::Jump, continue_to);
        }
        Ok(())
    }

    fn has_loop(&self) -> bool {
        self.units
            .last()
            .map(|u| {
                u.blocks
                    .iter()
                    .any(|b| matches!(b.block, Block::Loop { .. }))
            })
            .unwrap_or(false)
    }

    fn return_stmt(&mut self, value: Option<&Expr>, span: Span) -> CResult {
        if !self.in_function() {
            return Err(error("'return' outside function", span));
        }
        if self.unit().flags.async_generator && value.is_some() {
            return Err(error("'return' with value in async generator", span));
        }
        match value {
            Some(v) => self.expr(v)?,
            None => self.load_const(Value::None),
        }
        self.unwind_blocks(false, true)?;
        self.emit(Instr::ReturnValue);
        Ok(())
    }

    fn try_except(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        is_star: bool,
    ) -> CResult {
        let handler = self.new_label();
        let end = self.new_label();
        self.push_handler(handler, 0);
        self.push_block(Block::TryExcept);
        self.body(body)?;
        self.pop_block();
        self.pop_handler();
        self.body(orelse)?;
        self.jump(Instr::Jump, end);
        self.bind(handler);
        if is_star {
            self.except_star_handlers(handlers, end)?;
        } else {
            self.except_handlers(handlers, end)?;
        }
        self.bind(end);
        Ok(())
    }

    /// Handler code entered with `[exc]`.
    fn except_handlers(&mut self, handlers: &[ExceptHandler], end: Label) -> CResult {
        let cleanup = self.new_label();
        self.emit(Instr::PushExcInfo);
        self.push_handler(cleanup, -1);
        for (i, h) in handlers.iter().enumerate() {
            let saved = self.unit().span;
            self.unit().span = h.span;
            if h.typ.is_none() && i + 1 < handlers.len() {
                return Err(error("default 'except:' must be last", h.span));
            }
            let next = self.new_label();
            if let Some(t) = &h.typ {
                self.expr(t)?;
                self.emit(Instr::CheckExcMatch);
                self.jump(Instr::PopJumpIfFalse, next);
            }
            match &h.name {
                Some(name) => {
                    self.store_name(name);
                    let clear = self.new_label();
                    self.push_handler(clear, 0);
                    self.push_block(Block::HandlerCleanup {
                        name: Some(name.clone()),
                    });
                    self.unit().span = saved;
                    self.body(&h.body)?;
                    self.pop_block();
                    self.pop_handler();
                    self.unit().span = h.span;
                    self.emit(Instr::PopExcept);
                    self.load_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                    self.jump(Instr::Jump, end);
                    // `[prev, exc2]`: clear the name, then let the outer cleanup restore.
                    self.bind(clear);
                    self.load_const(Value::None);
                    self.store_name(name);
                    self.delete_name(name);
                    self.emit(Instr::Reraise);
                }
                None => {
                    self.emit(Instr::Pop);
                    self.push_block(Block::HandlerCleanup { name: None });
                    self.unit().span = saved;
                    self.body(&h.body)?;
                    self.pop_block();
                    self.unit().span = h.span;
                    self.emit(Instr::PopExcept);
                    self.jump(Instr::Jump, end);
                }
            }
            self.unit().span = saved;
            self.bind(next);
        }
        // No clause matched: re-raise (the cleanup handler restores the previous exception).
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        Ok(())
    }

    /// `except*` clauses, entered with `[exc]` (CPython 3.11's scheme, simplified): each clause
    /// splits off the matching part of the group; unmatched and re-raised parts are combined at
    /// the end.
    fn except_star_handlers(&mut self, handlers: &[ExceptHandler], end: Label) -> CResult {
        let cleanup = self.new_label();
        let reraise = self.new_label();
        self.emit(Instr::PushExcInfo); // [prev, orig]
        self.push_handler(cleanup, -1);
        // [prev, orig, raised-list, rest]
        self.emit(Instr::Copy(1));
        self.emit(Instr::BuildList(0));
        self.emit(Instr::Swap(2));
        for h in handlers {
            let saved = self.unit().span;
            self.unit().span = h.span;
            let next = self.new_label();
            let Some(t) = &h.typ else {
                return Err(error("expected one or more exception types", h.span));
            };
            self.expr(t)?;
            self.emit(Instr::CheckEgMatch); // [prev, orig, list, rest, match-or-None]
            self.emit(Instr::Copy(1));
            self.jump(Instr::PopJumpIfNone, next); // [.., rest, match]
            let clause_failed = self.new_label();
            let clause_done = self.new_label();
            match &h.name {
                Some(name) => self.store_name(name),
                None => self.emit(Instr::Pop),
            }
            // [prev, orig, list, rest]
            self.push_handler(clause_failed, 0);
            self.push_block(Block::TryExcept);
            self.unit().span = saved;
            self.body(&h.body)?;
            self.pop_block();
            self.pop_handler();
            self.unit().span = h.span;
            self.jump(Instr::Jump, clause_done);
            // An exception raised in the clause body is collected: [.., list, rest, exc]
            self.bind(clause_failed);
            self.emit(Instr::ListAppend(2));
            self.bind(clause_done);
            if let Some(name) = &h.name {
                self.load_const(Value::None);
                self.store_name(name);
                self.delete_name(name);
            }
            self.unit().span = saved;
            let after = self.new_label();
            self.jump(Instr::Jump, after);
            self.bind(next);
            self.emit(Instr::Pop); // drop the None match
            self.bind(after);
        }
        // [prev, orig, list, rest]: unhandled remainder joins the re-raised list.
        let no_rest = self.new_label();
        self.emit(Instr::Copy(1));
        self.jump(Instr::PopJumpIfNone, no_rest);
        self.emit(Instr::ListAppend(1));
        let joined = self.new_label();
        self.jump(Instr::Jump, joined);
        self.bind(no_rest);
        self.emit(Instr::Pop);
        self.bind(joined);
        // [prev, orig, list] → [prev, exc-or-None]
        self.emit(Instr::PrepReraiseStar);
        self.emit(Instr::Copy(1));
        self.jump(Instr::PopJumpIfNotNone, reraise);
        self.emit(Instr::Pop);
        self.emit(Instr::PopExcept);
        self.jump(Instr::Jump, end);
        self.bind(reraise);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.pop_handler();
        self.emit(Instr::Reraise);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        Ok(())
    }

    fn try_finally(
        &mut self,
        body: &[Stmt],
        handlers: &[ExceptHandler],
        orelse: &[Stmt],
        finalbody: &[Stmt],
        is_star: bool,
    ) -> CResult {
        let handler = self.new_label();
        let end = self.new_label();
        self.push_handler(handler, 0);
        self.push_block(Block::FinallyTry {
            finalbody: finalbody.to_vec(),
        });
        if handlers.is_empty() {
            self.body(body)?;
            self.body(orelse)?;
        } else {
            self.try_except(body, handlers, orelse, is_star)?;
        }
        self.pop_block();
        self.pop_handler();
        self.body(finalbody)?;
        self.jump(Instr::Jump, end);
        // Exception path: `[exc]`.
        self.bind(handler);
        let cleanup = self.new_label();
        self.emit(Instr::PushExcInfo);
        self.push_handler(cleanup, -1);
        self.push_block(Block::FinallyEnd);
        self.body(finalbody)?;
        self.pop_block();
        self.emit(Instr::Reraise);
        self.pop_handler();
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::PopExcept);
        self.emit(Instr::Reraise);
        self.bind(end);
        Ok(())
    }

    fn with_items(&mut self, items: &[WithItem], body: &[Stmt], is_async: bool) -> CResult {
        let Some((item, rest)) = items.split_first() else {
            return self.body(body);
        };
        let handler = self.new_label();
        let end = self.new_label();
        self.expr(&item.context)?;
        self.with_span(item.context.span, |c| {
            if is_async {
                c.emit(Instr::BeforeAsyncWith);
                c.emit(Instr::GetAwaitable);
                c.load_const(Value::None);
                c.emit(Instr::Send);
            } else {
                c.emit(Instr::BeforeWith);
            }
        });
        // [exit, enter-result]; the handler keeps only [exit].
        self.push_handler(handler, -1);
        self.push_block(Block::With { is_async });
        match &item.target {
            Some(t) => self.assign(t)?,
            None => self.emit(Instr::Pop),
        }
        self.with_items(rest, body, is_async)?;
        self.pop_block();
        self.pop_handler();
        self.with_span(item.context.span, |c| c.call_exit_with_nones(is_async));
        self.jump(Instr::Jump, end);
        // [exit, exc]
        self.bind(handler);
        let cleanup = self.new_label();
        let suppress = self.new_label();
        self.with_span(item.context.span, |c| -> CResult {
            c.emit(Instr::PushExcInfo);
            c.push_handler(cleanup, -1);
            c.emit(Instr::WithExceptStart);
            if is_async {
                c.emit(Instr::GetAwaitable);
                c.load_const(Value::None);
                c.emit(Instr::Send);
            }
            c.jump(Instr::PopJumpIfTrue, suppress);
            c.emit(Instr::Reraise);
            c.bind(suppress);
            c.emit(Instr::Pop);
            c.emit(Instr::PopExcept);
            c.emit(Instr::Pop);
            c.pop_handler();
            c.jump(Instr::Jump, end);
            c.bind(cleanup);
            c.emit(Instr::Swap(2));
            c.emit(Instr::PopExcept);
            c.emit(Instr::Reraise);
            Ok(())
        })?;
        self.bind(end);
        Ok(())
    }

    // ----- functions and classes ---------------------------------------------------------

    fn qualname_for(&self, name: &str) -> String {
        let unit = self.units.last().expect("unit");
        let scope = &self.table.scopes[unit.scope];
        match scope.kind {
            ScopeKind::Module => name.to_string(),
            ScopeKind::Class => format!("{}.{}", unit.qualname, name),
            _ => format!("{}.<locals>.{}", unit.qualname, name),
        }
    }

    /// Emits defaults, kw-defaults and the closure for a function whose scope is `scope`, then
    /// `MakeFunction`. The code object is built by `body`.
    fn make_function(&mut self, scope: usize, params: &Parameters, code: Code) -> CResult {
        let mut flags = 0;
        let positional: Vec<&Param> = params.posonly.iter().chain(&params.args).collect();
        let defaults: Vec<&Expr> = positional
            .iter()
            .filter_map(|p| p.default.as_ref())
            .collect();
        if !defaults.is_empty() {
            for d in &defaults {
                self.expr(d)?;
            }
            self.emit(Instr::BuildTuple(defaults.len() as u32));
            flags |= 1;
        }
        if params.kwonly.iter().any(|p| p.default.is_some()) {
            for p in &params.kwonly {
                match &p.default {
                    Some(d) => self.expr(d)?,
                    None => self.load_const(Value::Undef),
                }
            }
            self.emit(Instr::BuildTuple(params.kwonly.len() as u32));
            flags |= 2;
        }
        let freevars = self.table.scopes[scope].freevars.clone();
        if !freevars.is_empty() {
            for name in &freevars {
                let i = self.closure_source(name);
                self.emit(Instr::LoadClosure(i));
            }
            self.emit(Instr::BuildTuple(freevars.len() as u32));
            flags |= 4;
        }
        self.load_const(Value::Code(Rc::new(code)));
        self.emit(Instr::MakeFunction(flags));
        Ok(())
    }

    /// The cell index in the current unit that provides `name` to a closure being built.
    fn closure_source(&mut self, name: &str) -> u32 {
        self.cell_idx(name)
    }

    fn setup_params(&mut self, params: &Parameters) {
        let unit = self.unit();
        unit.posonlyargcount = params.posonly.len() as u32;
        unit.argcount = (params.posonly.len() + params.args.len()) as u32;
        unit.kwonlyargcount = params.kwonly.len() as u32;
        unit.flags.varargs = params.vararg.is_some();
        unit.flags.varkw = params.kwarg.is_some();
    }

    fn annotations(&mut self, params: &Parameters, returns: Option<&Expr>) -> CResult {
        let all = params
            .posonly
            .iter()
            .chain(&params.args)
            .chain(&params.vararg)
            .chain(&params.kwonly)
            .chain(&params.kwarg);
        for p in all {
            if let Some(a) = &p.annotation {
                self.expr(a)?;
                self.emit(Instr::PopAnnotation);
            }
        }
        if let Some(r) = returns {
            self.expr(r)?;
            self.emit(Instr::PopAnnotation);
        }
        Ok(())
    }

    fn function_def(&mut self, def: &FunctionDef) -> CResult {
        for d in &def.decorators {
            self.expr(d)?;
        }
        self.annotations(&def.params, def.returns.as_ref())?;
        let scope = self.table.scope_of(def);
        let qualname = self.qualname_for(&def.name);
        let first = def.body.first().map(|s| s.span).unwrap_or(def.name_span);
        self.push_unit(scope, def.name.clone(), qualname, Some(def.name_span));
        let _ = first;
        self.setup_params(&def.params);
        self.unit().doc = docstring(&def.body);
        let s = &self.table.scopes[scope];
        let is_gen = s.is_generator;
        {
            let unit = self.unit();
            if def.is_async && is_gen {
                unit.flags.async_generator = true;
            } else if def.is_async {
                unit.flags.coroutine = true;
            } else if is_gen {
                unit.flags.generator = true;
            }
        }
        let r = self.function_body(&def.body);
        let code = self.pop_unit();
        r?;
        self.with_span(def.name_span, |c| c.make_function(scope, &def.params, code))?;
        for _ in &def.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&def.name);
        Ok(())
    }

    fn function_body(&mut self, body: &[Stmt]) -> CResult {
        // A docstring is not executed code; CPython stores it as the first constant.
        self.body(body)?;
        if !matches!(self.unit().instrs.last(), Some(Instr::ReturnValue))
            || self.has_dangling_labels()
        {
            self.load_const(Value::None);
            self.emit(Instr::ReturnValue);
        }
        Ok(())
    }

    fn has_dangling_labels(&mut self) -> bool {
        let unit = self.unit();
        let end = unit.instrs.len() as u32;
        unit.labels.contains(&Some(end))
    }

    fn class_def(&mut self, class: &ClassDef) -> CResult {
        for d in &class.decorators {
            self.expr(d)?;
        }
        let scope = self.table.scope_of(class);
        let qualname = self.qualname_for(&class.name);
        self.emit(Instr::LoadBuildClass);
        self.push_unit(
            scope,
            class.name.clone(),
            qualname.clone(),
            Some(class.name_span),
        );
        let r = (|| -> CResult {
            let name_idx = self.name_idx("__name__");
            self.emit(Instr::LoadName(name_idx));
            let module_idx = self.name_idx("__module__");
            self.emit(Instr::StoreName(module_idx));
            self.load_const(Value::str(&qualname));
            let q = self.name_idx("__qualname__");
            self.emit(Instr::StoreName(q));
            if let Some(doc) = docstring(&class.body) {
                self.load_const(Value::string(doc));
                let d = self.name_idx("__doc__");
                self.emit(Instr::StoreName(d));
            }
            self.body(&class.body)?;
            // Return the `__class__` cell so the class builder can fill it (zero-arg super()).
            if let Some(&i) = self.unit().cell_index.get("__class__") {
                if (i as usize) < self.unit().cellvars.len() {
                    self.emit(Instr::LoadClosure(i));
                    self.emit(Instr::ReturnValue);
                    return Ok(());
                }
            }
            self.load_const(Value::None);
            self.emit(Instr::ReturnValue);
            Ok(())
        })();
        let code = self.pop_unit();
        r?;
        self.with_span(class.name_span, |c| {
            c.make_function(scope, &Parameters::default(), code)
        })?;
        self.load_const(Value::str(&class.name));
        let mut argc = 2;
        let mut has_star = false;
        for b in &class.bases {
            if matches!(b.kind, ExprKind::Starred(_)) {
                has_star = true;
            }
        }
        if has_star || class.keywords.iter().any(|k| k.name.is_none()) {
            // Rare: route through the general call path.
            self.emit(Instr::BuildList(2));
            for b in &class.bases {
                match &b.kind {
                    ExprKind::Starred(inner) => {
                        self.expr(inner)?;
                        self.emit(Instr::ListExtend(1));
                    }
                    _ => {
                        self.expr(b)?;
                        self.emit(Instr::ListAppend(1));
                    }
                }
            }
            self.emit(Instr::ListToTuple);
            self.keywords_dict(&class.keywords)?;
            self.with_span(class.name_span, |c| c.emit(Instr::CallEx(true)));
        } else {
            for b in &class.bases {
                self.expr(b)?;
                argc += 1;
            }
            if class.keywords.is_empty() {
                self.with_span(class.name_span, |c| c.emit(Instr::Call(argc)));
            } else {
                let mut names = Vec::new();
                for k in &class.keywords {
                    self.expr(&k.value)?;
                    names.push(intern(k.name.as_deref().unwrap_or("")));
                }
                let shape = self.call_shape(argc + names.len() as u32, names);
                self.with_span(class.name_span, |c| c.emit(Instr::CallKw(shape)));
            }
        }
        for _ in &class.decorators {
            self.emit(Instr::Call(1));
        }
        self.store_name(&class.name);
        Ok(())
    }

    fn call_shape(&mut self, argc: u32, kwnames: Vec<Symbol>) -> u32 {
        let unit = self.unit();
        unit.call_shapes.push(CallShape {
            argc,
            kwnames: kwnames.into(),
        });
        unit.call_shapes.len() as u32 - 1
    }

    /// `[..]` → `[.., dict]` holding the keyword arguments (including `**` spreads).
    fn keywords_dict(&mut self, keywords: &[Keyword]) -> CResult {
        self.emit(Instr::BuildMap(0));
        for k in keywords {
            match &k.name {
                Some(name) => {
                    self.load_const(Value::str(name));
                    self.expr(&k.value)?;
                    self.emit(Instr::MapAdd(1));
                }
                None => {
                    self.expr(&k.value)?;
                    self.with_span(k.span, |c| c.emit(Instr::DictMerge(1)));
                }
            }
        }
        Ok(())
    }

    // ----- expressions -------------------------------------------------------------------

    fn expr(&mut self, e: &Expr) -> CResult {
        let saved = self.unit().span;
        self.unit().span = e.span;
        let r = self.expr_inner(e);
        self.unit().span = saved;
        r
    }

    fn expr_inner(&mut self, e: &Expr) -> CResult {
        match &e.kind {
            ExprKind::Name(n) => self.load_name(n),
            ExprKind::Constant(c) => {
                let v = constant_value(c);
                self.load_const(v);
            }
            ExprKind::JoinedStr(parts) => self.fstring(parts)?,
            ExprKind::Tuple(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.starred_display(items, Instr::BuildList(0))?;
                    self.emit(Instr::ListToTuple);
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Instr::BuildTuple(items.len() as u32));
                }
            }
            ExprKind::List(items) => {
                if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.starred_display(items, Instr::BuildList(0))?;
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Instr::BuildList(items.len() as u32));
                }
            }
            ExprKind::Set(items) => {
                if items.len() > 2
                    && items
                        .iter()
                        .all(|i| matches!(i.kind, ExprKind::Constant(_)))
                {
                    let values: Vec<Value> = items
                        .iter()
                        .filter_map(|i| match &i.kind {
                            ExprKind::Constant(c) => Some(constant_value(c)),
                            _ => None,
                        })
                        .collect();
                    // CPython folds the items into a frozenset constant and builds the set by
                    // SET_UPDATE from it; its table layout decides the printed order.
                    let folded = crate::runtime::setops::constant_frozenset(&values)
                        .unwrap_or_else(|| Value::tuple(values));
                    let idx = self.const_value(folded);
                    self.emit(Instr::BuildConstSet(idx));
                } else if items.iter().any(|i| matches!(i.kind, ExprKind::Starred(_))) {
                    self.starred_display(items, Instr::BuildSet(0))?;
                } else {
                    for i in items {
                        self.expr(i)?;
                    }
                    self.emit(Instr::BuildSet(items.len() as u32));
                }
            }
            ExprKind::Dict { keys, values } => {
                if keys.iter().all(|k| k.is_some()) && keys.len() < 256 {
                    for (k, v) in keys.iter().zip(values) {
                        if let Some(k) = k {
                            self.expr(k)?;
                        }
                        self.expr(v)?;
                    }
                    self.emit(Instr::BuildMap(keys.len() as u32));
                } else {
                    self.emit(Instr::BuildMap(0));
                    for (k, v) in keys.iter().zip(values) {
                        match k {
                            Some(k) => {
                                self.expr(k)?;
                                self.expr(v)?;
                                self.emit(Instr::MapAdd(1));
                            }
                            None => {
                                self.expr(v)?;
                                self.emit(Instr::DictUpdate(1));
                            }
                        }
                    }
                }
            }
            ExprKind::Starred(_) => {
                return Err(error("can't use starred expression here", e.span));
            }
            ExprKind::Attribute { value, attr } => {
                let i = self.attr_idx(attr);
                match self.fusable_local(value) {
                    Some(local) => self.emit(Instr::LoadFastAttr(local, i)),
                    None => {
                        self.expr(value)?;
                        self.emit(Instr::LoadAttr(i));
                    }
                }
            }
            ExprKind::Subscript { value, index } => {
                self.expr(value)?;
                self.expr(index)?;
                self.emit(Instr::BinarySubscr);
            }
            ExprKind::Slice { lower, upper, step } => {
                // A slice of literal ints is one constant (slices are immutable), as `s[::-1]`
                // would otherwise build the same slice on every evaluation.
                if let (Some(start), Some(stop), Some(step)) = (
                    literal_slice_part(lower),
                    literal_slice_part(upper),
                    literal_slice_part(step),
                ) {
                    self.load_const(Value::Slice(Rc::new(crate::vm::object::Slice {
                        start,
                        stop,
                        step,
                        shared: true,
                    })));
                    return Ok(());
                }
                for part in [lower, upper] {
                    match part {
                        Some(p) => self.expr(p)?,
                        None => self.load_const(Value::None),
                    }
                }
                match step {
                    Some(s) => {
                        self.expr(s)?;
                        self.emit(Instr::BuildSlice(3));
                    }
                    None => self.emit(Instr::BuildSlice(2)),
                }
            }
            ExprKind::Call {
                func,
                args,
                keywords,
            } => self.call(func, args, keywords, e.span)?,
            ExprKind::BinOp { left, op, right } => {
                self.expr(left)?;
                self.expr(right)?;
                self.emit(Instr::BinaryOp(*op));
            }
            ExprKind::UnaryOp { op, operand } => {
                self.expr(operand)?;
                self.emit(Instr::Unary(match op {
                    UnaryOp::Not => UnaryKind::Not,
                    UnaryOp::Neg => UnaryKind::Neg,
                    UnaryOp::Pos => UnaryKind::Pos,
                    UnaryOp::Invert => UnaryKind::Invert,
                }));
            }
            ExprKind::BoolOp { op, values } => {
                let end = self.new_label();
                for (i, v) in values.iter().enumerate() {
                    self.expr(v)?;
                    if i + 1 < values.len() {
                        match op {
                            BoolOp::And => self.jump(Instr::JumpIfFalseOrPop, end),
                            BoolOp::Or => self.jump(Instr::JumpIfTrueOrPop, end),
                        }
                    }
                }
                self.bind(end);
            }
            ExprKind::Compare {
                left,
                ops,
                comparators,
            } => self.compare(left, ops, comparators)?,
            ExprKind::IfExp { test, body, orelse } => {
                let else_ = self.new_label();
                let end = self.new_label();
                self.jump_if(test, false, else_)?;
                self.expr(body)?;
                self.jump(Instr::Jump, end);
                self.bind(else_);
                self.expr(orelse)?;
                self.bind(end);
            }
            ExprKind::Lambda { params, body } => {
                self.annotations(params, None)?;
                let scope = self.table.scope_of(e);
                let qualname = self.qualname_for("<lambda>");
                self.push_unit(scope, "<lambda>".into(), qualname, Some(e.span));
                self.setup_params(params);
                if self.table.scopes[scope].is_generator {
                    self.unit().flags.generator = true;
                }
                let r = (|| -> CResult {
                    self.expr(body)?;
                    self.emit(Instr::ReturnValue);
                    Ok(())
                })();
                let code = self.pop_unit();
                r?;
                self.make_function(scope, params, code)?;
            }
            ExprKind::NamedExpr { target, value } => {
                self.expr(value)?;
                self.emit(Instr::Copy(1));
                if let ExprKind::Name(n) = &target.kind {
                    self.store_name(n);
                } else {
                    return Err(error(
                        "cannot use assignment expressions with this target",
                        target.span,
                    ));
                }
            }
            ExprKind::ListComp { elt, generators } => {
                self.comprehension(e, "<listcomp>", generators, CompKind::List(elt))?
            }
            ExprKind::SetComp { elt, generators } => {
                self.comprehension(e, "<setcomp>", generators, CompKind::Set(elt))?
            }
            ExprKind::DictComp {
                key,
                value,
                generators,
            } => self.comprehension(e, "<dictcomp>", generators, CompKind::Dict(key, value))?,
            ExprKind::GeneratorExp { elt, generators } => {
                self.comprehension(e, "<genexpr>", generators, CompKind::Gen(elt))?
            }
            ExprKind::Await(value) => {
                if !self.in_function() {
                    if !(self.mode == Mode::Interactive && self.units.len() == 1) {
                        return Err(error("'await' outside function", e.span)
                            .with_hint(teaching::AWAIT_OUTSIDE_FUNCTION));
                    }
                } else if !self.async_allowed() {
                    let kind = self.scope_kind();
                    if kind == ScopeKind::Comprehension {
                        return Err(error(
                            "asynchronous comprehension outside of an asynchronous function",
                            e.span,
                        ));
                    }
                    return Err(error("'await' outside async function", e.span)
                        .with_hint(teaching::AWAIT_OUTSIDE_ASYNC));
                }
                self.expr(value)?;
                self.emit(Instr::GetAwaitable);
                self.load_const(Value::None);
                self.emit(Instr::Send);
            }
            ExprKind::Yield(value) => {
                self.check_yield(e.span)?;
                match value {
                    Some(v) => self.expr(v)?,
                    None => self.load_const(Value::None),
                }
                self.emit(Instr::YieldValue);
            }
            ExprKind::YieldFrom(value) => {
                self.check_yield(e.span)?;
                if self.unit().flags.async_generator {
                    return Err(error("'yield from' inside async function", e.span));
                }
                self.expr(value)?;
                self.emit(Instr::GetYieldFromIter);
                self.load_const(Value::None);
                self.emit(Instr::Send);
            }
        }
        Ok(())
    }

    fn check_yield(&mut self, span: Span) -> CResult {
        match self.scope_kind() {
            ScopeKind::Function | ScopeKind::Lambda => Ok(()),
            ScopeKind::Comprehension => {
                let unit = self.units.last().expect("unit");
                if unit.flags.generator && unit.name == "<genexpr>" {
                    Err(error("'yield' inside generator expression", span))
                } else {
                    Err(error("'yield' inside list comprehension", span))
                }
            }
            _ => Err(error("'yield' outside function", span)),
        }
    }

    /// `[*a, b, *c]`: start with `start` (an empty list or set) and extend/append.
    fn starred_display(&mut self, items: &[Expr], start: Instr) -> CResult {
        let is_set = matches!(start, Instr::BuildSet(_));
        self.emit(start);
        for item in items {
            match &item.kind {
                ExprKind::Starred(inner) => {
                    self.expr(inner)?;
                    self.emit(if is_set {
                        Instr::SetUpdate(1)
                    } else {
                        Instr::ListExtend(1)
                    });
                }
                _ => {
                    self.expr(item)?;
                    self.emit(if is_set {
                        Instr::SetAdd(1)
                    } else {
                        Instr::ListAppend(1)
                    });
                }
            }
        }
        Ok(())
    }

    fn fstring(&mut self, parts: &[FStringPart]) -> CResult {
        let mut n = 0;
        for part in parts {
            match part {
                FStringPart::Literal(s) => {
                    if s.is_empty() {
                        continue;
                    }
                    self.load_const(Value::str(s));
                }
                FStringPart::Expr {
                    value,
                    conversion,
                    format_spec,
                } => {
                    self.expr(value)?;
                    let conv = match conversion {
                        Some('r') => Conversion::Repr,
                        Some('s') => Conversion::Str,
                        Some('a') => Conversion::Ascii,
                        _ => Conversion::None,
                    };
                    let has_spec = format_spec.is_some();
                    if let Some(spec) = format_spec {
                        self.fstring(spec)?;
                    }
                    self.with_span(value.span, |c| c.emit(Instr::FormatValue(conv, has_spec)));
                }
            }
            n += 1;
        }
        if n == 0 {
            self.load_const(Value::str(""));
        } else if n > 1 {
            self.emit(Instr::BuildString(n));
        } else if let [FStringPart::Literal(_)] = parts {
            // A single literal is already a str.
        } else if n == 1
            && parts
                .iter()
                .filter(|p| matches!(p, FStringPart::Literal(s) if !s.is_empty()))
                .count()
                == 1
        {
            // The only non-empty part is a literal constant: already a str.
        }
        Ok(())
    }

    fn compare(&mut self, left: &Expr, ops: &[CmpOp], comparators: &[Expr]) -> CResult {
        self.expr(left)?;
        if ops.len() == 1 {
            self.expr(&comparators[0])?;
            self.emit(compare_instr(ops[0]));
            return Ok(());
        }
        let cleanup = self.new_label();
        let end = self.new_label();
        for (i, (op, right)) in ops.iter().zip(comparators).enumerate() {
            self.expr(right)?;
            if i + 1 < ops.len() {
                self.emit(Instr::Copy(1));
                self.emit(Instr::Swap(3));
                self.emit(Instr::Swap(2));
                self.emit(compare_instr(*op));
                self.jump(Instr::JumpIfFalseOrPop, cleanup);
            } else {
                self.emit(compare_instr(*op));
            }
        }
        self.jump(Instr::Jump, end);
        self.bind(cleanup);
        self.emit(Instr::Swap(2));
        self.emit(Instr::Pop);
        self.bind(end);
        Ok(())
    }

    /// Jump to `target` when `expr`'s truth equals `when`, without materialising a bool where
    /// the structure allows (`not`, `and`, `or`).
    fn jump_if(&mut self, e: &Expr, when: bool, target: Label) -> CResult {
        match &e.kind {
            ExprKind::UnaryOp {
                op: UnaryOp::Not,
                operand,
            } => return self.jump_if(operand, !when, target),
            ExprKind::BoolOp { op, values } => {
                let is_and = *op == BoolOp::And;
                // `a and b` jumps on false if any is false; on true only if all are true.
                if is_and != when {
                    for v in values {
                        self.jump_if(v, when, target)?;
                    }
                } else {
                    let skip = self.new_label();
                    for (i, v) in values.iter().enumerate() {
                        if i + 1 < values.len() {
                            self.jump_if(v, !when, skip)?;
                        } else {
                            self.jump_if(v, when, target)?;
                        }
                    }
                    self.bind(skip);
                }
                return Ok(());
            }
            _ => {}
        }
        self.expr(e)?;
        self.with_span(e.span, |c| {
            if when {
                c.jump(Instr::PopJumpIfTrue, target)
            } else {
                c.jump(Instr::PopJumpIfFalse, target)
            }
        });
        Ok(())
    }

    fn call(&mut self, func: &Expr, args: &[Expr], keywords: &[Keyword], span: Span) -> CResult {
        let has_star = args.iter().any(|a| matches!(a.kind, ExprKind::Starred(_)))
            || keywords.iter().any(|k| k.name.is_none());
        if has_star {
            self.expr(func)?;
            self.starred_display(args, Instr::BuildList(0))?;
            self.emit(Instr::ListToTuple);
            if keywords.is_empty() {
                self.with_span(span, |c| c.emit(Instr::CallEx(false)));
            } else {
                self.keywords_dict(keywords)?;
                self.with_span(span, |c| c.emit(Instr::CallEx(true)));
            }
            return Ok(());
        }
        // Method call fast path: `obj.name(args)` without keywords.
        if let (ExprKind::Attribute { value, attr }, true) = (&func.kind, keywords.is_empty()) {
            let i = self.attr_idx(attr);
            // `super().name(...)`: the callee `super` itself, when the call has no arguments.
            let zero_arg_super = match &value.kind {
                ExprKind::Call {
                    func: callee,
                    args: super_args,
                    keywords: super_keywords,
                } if super_args.is_empty()
                    && super_keywords.is_empty()
                    && matches!(&callee.kind, ExprKind::Name(n) if n == "super") =>
                {
                    Some(callee)
                }
                _ => None,
            };
            match (self.fusable_local(value), zero_arg_super) {
                (Some(local), _) => {
                    self.with_span(func.span, |c| c.emit(Instr::LoadFastMethod(local, i)))
                }
                (None, Some(callee)) => {
                    self.expr(callee)?;
                    self.with_span(func.span, |c| c.emit(Instr::LoadSuperMethod(i)));
                }
                (None, None) => {
                    self.expr(value)?;
                    self.with_span(func.span, |c| c.emit(Instr::LoadMethod(i)));
                }
            }
            for a in args {
                self.expr(a)?;
            }
            self.with_span(span, |c| c.emit(Instr::CallMethod(args.len() as u32)));
            return Ok(());
        }
        self.expr(func)?;
        for a in args {
            self.expr(a)?;
        }
        if keywords.is_empty() {
            self.with_span(span, |c| c.emit(Instr::Call(args.len() as u32)));
        } else {
            let mut names = Vec::new();
            for k in keywords {
                self.expr(&k.value)?;
                names.push(intern(k.name.as_deref().unwrap_or("")));
            }
            let shape = self.call_shape((args.len() + names.len()) as u32, names);
            self.with_span(span, |c| c.emit(Instr::CallKw(shape)));
        }
        Ok(())
    }

    fn comprehension(
        &mut self,
        node: &Expr,
        name: &str,
        generators: &[Comprehension],
        kind: CompKind,
    ) -> CResult {
        let scope = self.table.scope_of(node);
        let is_async_scope = self.table.scopes[scope].is_async;
        let qualname = self.qualname_for(name);
        let outer_async = self.async_allowed();
        if is_async_scope && !outer_async && !matches!(kind, CompKind::Gen(_)) {
            let top_level_ok = self.mode == Mode::Interactive && self.units.len() == 1;
            if !top_level_ok {
                return Err(error(
                    "asynchronous comprehension outside of an asynchronous function",
                    node.span,
                ));
            }
        }
        self.push_unit(scope, name.to_string(), qualname, Some(node.span));
        self.unit().argcount = 1;
        let is_gen = matches!(kind, CompKind::Gen(_));
        {
            let unit = self.unit();
            unit.in_async = is_async_scope;
            if is_gen && is_async_scope {
                unit.flags.async_generator = true;
            } else if is_gen {
                unit.flags.generator = true;
            } else if is_async_scope {
                unit.flags.coroutine = true;
            }
        }
        let r = (|| -> CResult {
            match kind {
                CompKind::List(_) => self.emit(Instr::BuildList(0)),
                CompKind::Set(_) => self.emit(Instr::BuildSet(0)),
                CompKind::Dict(..) => self.emit(Instr::BuildMap(0)),
                CompKind::Gen(_) => {}
            }
            self.comprehension_generator(generators, 0, &kind)?;
            if is_gen {
                self.load_const(Value::None);
            }
            self.emit(Instr::ReturnValue);
            Ok(())
        })();
        let code = self.pop_unit();
        r?;
        self.make_function(scope, &Parameters::default(), code)?;
        let first = &generators[0];
        self.expr(&first.iter)?;
        self.with_span(first.iter.span, |c| {
            c.emit(if first.is_async {
                Instr::GetAIter
            } else {
                Instr::GetIter
            })
        });
        self.emit(Instr::Call(1));
        if is_async_scope && !is_gen {
            self.emit(Instr::GetAwaitable);
            self.load_const(Value::None);
            self.emit(Instr::Send);
        }
        Ok(())
    }

    fn comprehension_generator(
        &mut self,
        generators: &[Comprehension],
        index: usize,
        kind: &CompKind,
    ) -> CResult {
        let g = &generators[index];
        let top = self.new_label();
        let end = self.new_label();
        if index == 0 {
            self.emit(Instr::LoadFast(0));
        } else {
            self.expr(&g.iter)?;
            self.with_span(g.iter.span, |c| {
                c.emit(if g.is_async {
                    Instr::GetAIter
                } else {
                    Instr::GetIter
                })
            });
        }
        self.bind(top);
        let stop = self.new_label();
        if g.is_async {
            self.push_handler(stop, 0);
            self.with_span(g.iter.span, |c| {
                c.emit(Instr::GetANext);
                c.load_const(Value::None);
                c.emit(Instr::Send);
            });
            self.pop_handler();
        } else {
            self.with_span(g.iter.span, |c| c.jump(Instr::ForIter, end));
        }
        self.assign(&g.target)?;
        for cond in &g.ifs {
            self.jump_if(cond, false, top)?;
        }
        if index + 1 < generators.len() {
            self.comprehension_generator(generators, index + 1, kind)?;
        } else {
            // The result container sits below one iterator per generator.
            let depth = (generators.len() + 1) as u32;
            match kind {
                CompKind::List(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::ListAppend(depth));
                }
                CompKind::Set(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::SetAdd(depth));
                }
                CompKind::Dict(k, v) => {
                    self.expr(k)?;
                    self.expr(v)?;
                    self.emit(Instr::MapAdd(depth));
                }
                CompKind::Gen(elt) => {
                    self.expr(elt)?;
                    self.emit(Instr::YieldValue);
                    self.emit(Instr::Pop);
                }
            }
        }
        self.jump(Instr::Jump, top);
        if g.is_async {
            self.bind(stop);
            self.emit(Instr::EndAsyncFor);
        } else {
            self.bind(end);
        }
        let _ = stop;
        Ok(())
    }
}

enum CompKind<'e> {
    List(&'e Expr),
    Set(&'e Expr),
    Dict(&'e Expr, &'e Expr),
    Gen(&'e Expr),
}

fn compare_instr(op: CmpOp) -> Instr {
    match op {
        CmpOp::Eq => Instr::Compare(CompareKind::Eq),
        CmpOp::NotEq => Instr::Compare(CompareKind::Ne),
        CmpOp::Lt => Instr::Compare(CompareKind::Lt),
        CmpOp::LtE => Instr::Compare(CompareKind::Le),
        CmpOp::Gt => Instr::Compare(CompareKind::Gt),
        CmpOp::GtE => Instr::Compare(CompareKind::Ge),
        CmpOp::Is => Instr::IsOp(false),
        CmpOp::IsNot => Instr::IsOp(true),
        CmpOp::In => Instr::ContainsOp(false),
        CmpOp::NotIn => Instr::ContainsOp(true),
    }
}

/// The value of a slice bound written as nothing, `None`, an int literal or a negated one.
fn literal_slice_part(part: &Option<Box<Expr>>) -> Option<Value> {
    let Some(e) = part else {
        return Some(Value::None);
    };
    match &e.kind {
        ExprKind::Constant(Constant::None) => Some(Value::None),
        ExprKind::Constant(Constant::Int(i)) => Some(Value::Int(*i)),
        ExprKind::UnaryOp {
            op: UnaryOp::Neg,
            operand,
        } => match &operand.kind {
            ExprKind::Constant(Constant::Int(i)) => i.checked_neg().map(Value::Int),
            _ => None,
        },
        _ => None,
    }
}

pub fn constant_value(c: &Constant) -> Value {
    match c {
        Constant::None => Value::None,
        Constant::True => Value::TRUE,
        Constant::False => Value::FALSE,
        Constant::Ellipsis => Value::Ellipsis,
        Constant::Int(i) => Value::Int(*i),
        Constant::BigInt(b) => Value::from_bigint(b.clone()),
        Constant::Float(f) => Value::float(*f),
        Constant::Imaginary(f) => Value::complex(0.0, *f),
        Constant::Str(s) => Value::str(s),
        Constant::Bytes(b) => Value::Bytes(Rc::new(b.clone())),
    }
}

pub(crate) fn jump_target_mut(instr: &mut Instr) -> Option<&mut u32> {
    match instr {
        Instr::Jump(t)
        | Instr::PopJumpIfFalse(t)
        | Instr::PopJumpIfTrue(t)
        | Instr::PopJumpIfNone(t)
        | Instr::PopJumpIfNotNone(t)
        | Instr::JumpIfFalseOrPop(t)
        | Instr::JumpIfTrueOrPop(t)
        | Instr::ForIter(t) => Some(t),
        _ => None,
    }
}

/// Does module-level code contain an `await` outside any function (REPL top-level await)?
fn contains_await(body: &[Stmt]) -> bool {
    fn expr_has(e: &Expr) -> bool {
        let mut found = false;
        walk_expr(e, &mut |x| {
            if matches!(x.kind, ExprKind::Await(_)) {
                found = true;
            }
            if let ExprKind::ListComp { generators, .. }
            | ExprKind::SetComp { generators, .. }
            | ExprKind::DictComp { generators, .. } = &x.kind
            {
                if generators.iter().any(|g| g.is_async) {
                    found = true;
                }
            }
        });
        found
    }
    fn stmt_has(s: &Stmt) -> bool {
        match &s.kind {
            StmtKind::FunctionDef(_) | StmtKind::ClassDef(_) => false,
            StmtKind::For { is_async: true, .. } | StmtKind::With { is_async: true, .. } => true,
            _ => {
                let found = std::cell::Cell::new(false);
                for_each_child(
                    s,
                    &mut |e| found.set(found.get() | expr_has(e)),
                    &mut |st| found.set(found.get() | stmt_has(st)),
                );
                found.get()
            }
        }
    }
    body.iter().any(stmt_has)
}

fn for_each_child(s: &Stmt, on_expr: &mut dyn FnMut(&Expr), on_stmt: &mut dyn FnMut(&Stmt)) {
    match &s.kind {
        StmtKind::Expr(e) => on_expr(e),
        StmtKind::Assign { targets, value } => {
            targets.iter().for_each(&mut *on_expr);
            on_expr(value);
        }
        StmtKind::AugAssign { target, value, .. } => {
            on_expr(target);
            on_expr(value);
        }
        StmtKind::AnnAssign { target, value, .. } => {
            on_expr(target);
            if let Some(v) = value {
                on_expr(v);
            }
        }
        StmtKind::Delete(t) => t.iter().for_each(&mut *on_expr),
        StmtKind::Return(Some(v)) => on_expr(v),
        StmtKind::If { test, body, orelse } | StmtKind::While { test, body, orelse } => {
            on_expr(test);
            body.iter().chain(orelse).for_each(&mut *on_stmt);
        }
        StmtKind::For {
            target,
            iter,
            body,
            orelse,
            ..
        } => {
            on_expr(target);
            on_expr(iter);
            body.iter().chain(orelse).for_each(&mut *on_stmt);
        }
        StmtKind::Try {
            body,
            handlers,
            orelse,
            finalbody,
            ..
        } => {
            body.iter()
                .chain(orelse)
                .chain(finalbody)
                .for_each(&mut *on_stmt);
            for h in handlers {
                if let Some(t) = &h.typ {
                    on_expr(t);
                }
                h.body.iter().for_each(&mut *on_stmt);
            }
        }
        StmtKind::Raise { exc, cause } => {
            if let Some(e) = exc {
                on_expr(e);
            }
            if let Some(c) = cause {
                on_expr(c);
            }
        }
        StmtKind::With { items, body, .. } => {
            for i in items {
                on_expr(&i.context);
            }
            body.iter().for_each(&mut *on_stmt);
        }
        StmtKind::Assert { test, msg } => {
            on_expr(test);
            if let Some(m) = msg {
                on_expr(m);
            }
        }
        _ => {}
    }
}

/// Pre-order walk over an expression, not entering nested function scopes (lambdas).
fn walk_expr(e: &Expr, f: &mut dyn FnMut(&Expr)) {
    f(e);
    match &e.kind {
        ExprKind::Lambda { .. } => {}
        ExprKind::JoinedStr(parts) => {
            for p in parts {
                if let FStringPart::Expr { value, .. } = p {
                    walk_expr(value, f);
                }
            }
        }
        ExprKind::List(items) | ExprKind::Tuple(items) | ExprKind::Set(items) => {
            items.iter().for_each(|i| walk_expr(i, f))
        }
        ExprKind::Dict { keys, values } => {
            keys.iter().flatten().for_each(|k| walk_expr(k, f));
            values.iter().for_each(|v| walk_expr(v, f));
        }
        ExprKind::Starred(v)
        | ExprKind::Attribute { value: v, .. }
        | ExprKind::UnaryOp { operand: v, .. }
        | ExprKind::Await(v)
        | ExprKind::YieldFrom(v) => walk_expr(v, f),
        ExprKind::Yield(v) => {
            if let Some(v) = v {
                walk_expr(v, f)
            }
        }
        ExprKind::Subscript { value, index } => {
            walk_expr(value, f);
            walk_expr(index, f);
        }
        ExprKind::Slice { lower, upper, step } => {
            for p in [lower, upper, step].into_iter().flatten() {
                walk_expr(p, f);
            }
        }
        ExprKind::Call {
            func,
            args,
            keywords,
        } => {
            walk_expr(func, f);
            args.iter().for_each(|a| walk_expr(a, f));
            keywords.iter().for_each(|k| walk_expr(&k.value, f));
        }
        ExprKind::BinOp { left, right, .. } => {
            walk_expr(left, f);
            walk_expr(right, f);
        }
        ExprKind::BoolOp { values, .. } => values.iter().for_each(|v| walk_expr(v, f)),
        ExprKind::Compare {
            left, comparators, ..
        } => {
            walk_expr(left, f);
            comparators.iter().for_each(|c| walk_expr(c, f));
        }
        ExprKind::IfExp { test, body, orelse } => {
            walk_expr(test, f);
            walk_expr(body, f);
            walk_expr(orelse, f);
        }
        ExprKind::NamedExpr { value, .. } => walk_expr(value, f),
        ExprKind::ListComp { elt, generators }
        | ExprKind::SetComp { elt, generators }
        | ExprKind::GeneratorExp { elt, generators } => {
            walk_expr(elt, f);
            for g in generators {
                walk_expr(&g.iter, f);
                g.ifs.iter().for_each(|i| walk_expr(i, f));
            }
        }
        ExprKind::DictComp {
            key,
            value,
            generators,
        } => {
            walk_expr(key, f);
            walk_expr(value, f);
            for g in generators {
                walk_expr(&g.iter, f);
                g.ifs.iter().for_each(|i| walk_expr(i, f));
            }
        }
        ExprKind::Name(_) | ExprKind::Constant(_) => {}
    }
}

/// A body's docstring: its first statement, when that is a string literal.
fn docstring(body: &[Stmt]) -> Option<String> {
    match body.first().map(|s| &s.kind) {
        Some(StmtKind::Expr(Expr {
            kind: ExprKind::Constant(Constant::Str(s)),
            ..
        })) => Some(s.clone()),
        _ => None,
    }
}
