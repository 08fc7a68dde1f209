//! Heap objects behind `Value`: classes, instances, functions, modules, generators and the small
//! builtin objects (`range`, `slice`, native iterators). This module defines their data; how they
//! behave (attribute look-up, calls) lives in `vm::attr`, `vm::call` and `runtime`.

use std::cell::{Cell, RefCell};
use std::hash::BuildHasherDefault;
use std::rc::Rc;

use indexmap::IndexMap;
use rustc_hash::FxHasher;

use super::frame::Frame;
use super::symbol::Symbol;
use super::value::Value;
use super::{PyResult, Vm};
use crate::compile::code::Code;
use crate::runtime::iter::IterState;

/// An attribute namespace (`__dict__` of instances, classes and functions), in insertion order.
pub type AttrMap = IndexMap<Symbol, Value, BuildHasherDefault<FxHasher>>;

pub type CellRef = Rc<RefCell<Value>>;

/// The in-memory layout that instances of a class have: plain objects, or a builtin type that a
/// user class subclasses (the builtin value is then kept in `Payload::Boxed`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layout {
    Object,
    Exception,
    /// Subclasses of a builtin value type (`class MyList(list)`): instances box the real value.
    Boxed(BoxedKind),
    /// Natively implemented classes whose instances carry a specific payload (property, Future…).
    Native,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BoxedKind {
    Int,
    Float,
    Complex,
    Str,
    List,
    Dict,
    Tuple,
    Set,
}

pub struct Class {
    pub name: String,
    pub qualname: String,
    /// `__module__`: "builtins" for builtin types.
    pub module: String,
    pub bases: Vec<Rc<Class>>,
    /// The method resolution order *without* the class itself (storing `self` would be a
    /// reference cycle); see `Class::mro`.
    pub mro_rest: RefCell<Vec<Rc<Class>>>,
    pub dict: RefCell<AttrMap>,
    pub layout: Layout,
    /// Builtin classes reject attribute assignment, as CPython's static types do.
    pub is_builtin: bool,
    /// Bumped whenever this class's dict changes; attribute caches compare it.
    pub version: Cell<u32>,
    /// Results of MRO look-ups, valid while the global type epoch is unchanged.
    pub lookup_cache: RefCell<LookupCache>,
}

/// Memoised `Class::lookup` results. Any change to any class dict bumps the global epoch,
/// which invalidates every cache (class dicts change rarely after creation, so this is cheap).
#[derive(Default)]
pub struct LookupCache {
    epoch: u64,
    entries: rustc_hash::FxHashMap<Symbol, Option<Value>>,
    /// `Some((overrides __getattribute__, overrides __setattr__))` once computed.
    attribute_hooks: Option<(bool, bool)>,
    /// `Some(plain_init)` once computed (see `Class::plain_init`).
    plain_init: Option<Option<Rc<Function>>>,
}

thread_local! {
    static TYPE_EPOCH: Cell<u64> = const { Cell::new(1) };
}

/// Call after mutating any class's dict.
pub fn bump_type_epoch() {
    TYPE_EPOCH.with(|e| e.set(e.get() + 1));
}

/// The global type epoch (see `LookupCache` and `vm::attr_cache`).
#[inline]
pub fn type_epoch() -> u64 {
    TYPE_EPOCH.with(|e| e.get())
}

impl Drop for Class {
    fn drop(&mut self) {
        // Caches key classes by address: a class allocated here later must not match them.
        bump_type_epoch();
    }
}

impl Class {
    /// The full MRO, this class first.
    pub fn mro(self: &Rc<Self>) -> Vec<Rc<Class>> {
        let mut out = Vec::with_capacity(1 + self.mro_rest.borrow().len());
        out.push(self.clone());
        out.extend(self.mro_rest.borrow().iter().cloned());
        out
    }

    /// Finds `name` along the MRO (CPython's `_PyType_Lookup`), memoised.
    #[inline]
    pub fn lookup(&self, name: Symbol) -> Option<Value> {
        let epoch = TYPE_EPOCH.with(|e| e.get());
        {
            let cache = self.lookup_cache.borrow();
            if cache.epoch == epoch {
                if let Some(hit) = cache.entries.get(&name) {
                    return hit.clone();
                }
            }
        }
        let found = self.lookup_uncached(name);
        let mut cache = self.lookup_cache.borrow_mut();
        if cache.epoch != epoch {
            cache.entries.clear();
            cache.attribute_hooks = None;
            cache.plain_init = None;
            cache.epoch = epoch;
        }
        cache.entries.insert(name, found.clone());
        found
    }

    /// For a plain Python class (object's `__new__`, an `__init__` written in Python): that
    /// `__init__`, which is all instantiation runs besides making the instance (memoised, so
    /// `Class(...)` can take the run loop's lean call path).
    pub fn plain_init(&self, object_new: &Value) -> Option<Rc<Function>> {
        let epoch = TYPE_EPOCH.with(|e| e.get());
        {
            let cache = self.lookup_cache.borrow();
            if cache.epoch == epoch {
                if let Some(init) = &cache.plain_init {
                    return init.clone();
                }
            }
        }
        let plain = self.layout == Layout::Object
            && !self.is_builtin
            && self
                .lookup(super::symbol::sym::NEW)
                .is_none_or(|n| n.is(object_new));
        let init = match self.lookup(super::symbol::sym::INIT) {
            Some(Value::Function(f)) if plain => Some(f),
            _ => None,
        };
        let mut cache = self.lookup_cache.borrow_mut();
        if cache.epoch == epoch {
            cache.plain_init = Some(init.clone());
        }
        init
    }

    /// Whether the class overrides `object.__getattribute__` / `object.__setattr__`
    /// (memoised: plain classes then skip those look-ups on every attribute access).
    pub fn attribute_hooks(
        &self,
        object_getattribute: &Value,
        object_setattr: &Value,
    ) -> (bool, bool) {
        let epoch = TYPE_EPOCH.with(|e| e.get());
        {
            let cache = self.lookup_cache.borrow();
            if cache.epoch == epoch {
                if let Some(h) = cache.attribute_hooks {
                    return h;
                }
            }
        }
        let get = self
            .lookup(super::symbol::sym::GETATTRIBUTE)
            .is_some_and(|g| !g.is(object_getattribute));
        let set = self
            .lookup(super::symbol::sym::SETATTR)
            .is_some_and(|s| !s.is(object_setattr));
        let mut cache = self.lookup_cache.borrow_mut();
        if cache.epoch == epoch {
            cache.attribute_hooks = Some((get, set));
        }
        (get, set)
    }

    fn lookup_uncached(&self, name: Symbol) -> Option<Value> {
        if let Some(v) = self.dict.borrow().get(&name) {
            return Some(v.clone());
        }
        for class in self.mro_rest.borrow().iter() {
            if let Some(v) = class.dict.borrow().get(&name) {
                return Some(v.clone());
            }
        }
        None
    }

    /// Like `lookup`, also saying which class along the MRO defines it.
    pub fn lookup_with_owner(self: &Rc<Self>, name: Symbol) -> Option<(Value, Rc<Class>)> {
        if let Some(v) = self.dict.borrow().get(&name) {
            return Some((v.clone(), self.clone()));
        }
        for class in self.mro_rest.borrow().iter() {
            if let Some(v) = class.dict.borrow().get(&name) {
                return Some((v.clone(), class.clone()));
            }
        }
        None
    }

    pub fn is_subclass_of(self: &Rc<Self>, other: &Rc<Class>) -> bool {
        Rc::ptr_eq(self, other) || self.mro_rest.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }

    pub fn set_attr(&self, name: Symbol, value: Value) {
        self.dict.borrow_mut().insert(name, value);
        self.version.set(self.version.get().wrapping_add(1));
        bump_type_epoch();
    }

    /// `<class '__main__.Foo'>` / `<class 'int'>`.
    pub fn repr(&self) -> String {
        if self.module == "builtins" {
            format!("<class '{}'>", self.qualname)
        } else {
            format!("<class '{}.{}'>", self.module, self.qualname)
        }
    }
}

pub struct Instance {
    pub class: Rc<Class>,
    pub dict: RefCell<super::inst_attrs::InstanceAttrs>,
    pub payload: Payload,
}

// Small enough for mimalloc's 56-byte size class inside its `Rc`: every task and future is one.
const _: () = assert!(std::mem::size_of::<Instance>() <= 40);

impl Instance {
    pub fn new(class: Rc<Class>, payload: Payload) -> Instance {
        Instance {
            class,
            dict: RefCell::new(Default::default()),
            payload,
        }
    }

    pub fn exception_data(&self) -> Option<&RefCell<ExceptionData>> {
        match &self.payload {
            Payload::Exception(data) => Some(data),
            _ => None,
        }
    }
}

/// What natively implemented instances carry besides their `__dict__`. Every variant but
/// `Asyncio` is a single pointer, so the enum takes two words (asserted below): it is part of
/// every instance.
pub enum Payload {
    Plain,
    /// Boxed, like the other large payloads, so that plain instances stay small.
    Exception(Box<RefCell<ExceptionData>>),
    /// The builtin value inside an instance of a subclass of a builtin type.
    Boxed(Box<RefCell<Value>>),
    Property(Box<Property>),
    ClassMethod(Box<Value>),
    StaticMethod(Box<Value>),
    /// `super(class, obj)`: look-ups start after `class` in `type(obj)`'s MRO.
    Super(Box<SuperRef>),
    /// `_tulip.Deque` (see `runtime::deque`).
    Deque(Box<crate::runtime::deque::DequeData>),
    /// State of objects implemented by the asyncio runtime (futures, tasks, handles, loops).
    Asyncio(crate::asyncio::AsyncioObject),
}

const _: () = assert!(std::mem::size_of::<Payload>() == 16);

/// `super(class, obj)`.
pub struct SuperRef {
    pub start_after: Rc<Class>,
    pub obj: Value,
}

impl Payload {
    pub fn boxed(v: Value) -> Payload {
        Payload::Boxed(Box::new(RefCell::new(v)))
    }

    pub fn class_method(f: Value) -> Payload {
        Payload::ClassMethod(Box::new(f))
    }

    pub fn static_method(f: Value) -> Payload {
        Payload::StaticMethod(Box::new(f))
    }

    /// The state of a natively implemented asyncio object.
    pub fn asyncio(&self) -> Option<&crate::asyncio::AsyncioObject> {
        match self {
            Payload::Asyncio(a) => Some(a),
            _ => None,
        }
    }
}

pub struct Property {
    pub fget: Value,
    pub fset: Value,
    pub fdel: Value,
    pub doc: Value,
}

/// One line of a traceback: the code object and the instruction that was running.
#[derive(Clone)]
pub struct TracebackEntry {
    pub code: Rc<Code>,
    pub pc: u32,
}

#[derive(Default)]
pub struct ExceptionData {
    /// `exc.args`, always a tuple.
    pub args: Vec<Value>,
    /// Innermost frame last, as frames are added while the exception propagates outwards.
    pub traceback: Vec<TracebackEntry>,
    pub cause: Option<Value>,
    pub context: Option<Value>,
    pub suppress_context: bool,
}

pub struct Function {
    pub code: Rc<Code>,
    pub globals: Rc<Module>,
    pub name: RefCell<Rc<str>>,
    pub qualname: RefCell<Rc<str>>,
    /// Defaults for the last positional parameters, as `def f(a, b=1)` gives `[1]`.
    pub defaults: Vec<Value>,
    /// One entry per keyword-only parameter; `Undef` where it has no default.
    pub kwdefaults: Vec<Value>,
    /// Cells for the code's free variables, in `code.freevars` order.
    pub closure: Vec<CellRef>,
    pub dict: RefCell<AttrMap>,
}

pub type BuiltinFn = fn(&mut Vm, Args) -> PyResult<Value>;

/// A function implemented in Rust: builtins, methods of builtin types, module functions.
pub struct Builtin {
    pub name: &'static str,
    /// For methods: the class name, so reprs read `<method 'append' of 'list' objects>`.
    pub owner: Option<&'static str>,
    pub func: BuiltinFn,
    /// Extra state for builtins made at run time (e.g. a bound `functools.partial`-like helper).
    pub data: Value,
    /// The common case without the VM, for the fast loop (`runtime::fast_builtins`).
    pub fast: Option<FastFn>,
}

/// A builtin's fast path: its result for these positional arguments (a method's receiver
/// first), or `None`, having changed nothing, when the builtin itself must run.
pub type FastFn = fn(&[Value]) -> Option<Value>;

/// The arguments of a call to a builtin: positional values and `name=value` pairs.
#[derive(Clone, Copy)]
pub struct Args<'a> {
    pub pos: &'a [Value],
    pub kw: &'a [(Symbol, Value)],
    /// `Builtin::data` of the builtin being called.
    pub data: &'a Value,
}

impl<'a> Args<'a> {
    /// Positional arguments only.
    #[inline]
    pub fn positional(pos: &'a [Value], data: &'a Value) -> Args<'a> {
        Args { pos, kw: &[], data }
    }
}

pub struct BoundMethod {
    pub func: Value,
    pub receiver: Value,
}

/// Module-level variables are stored in slots that the compiler resolves names to, so a global
/// read is an index, not a dictionary look-up. `index` maps names to slots for dynamic access.
#[derive(Default)]
pub struct Globals {
    pub values: Vec<Value>,
    pub names: Vec<Symbol>,
    pub index: rustc_hash::FxHashMap<Symbol, u32>,
    /// For slots whose global is unbound: the builtin of that name, once a `LoadGlobal` found
    /// it (builtins do not change once the program runs, except the REPL's `_`, which is
    /// never kept here). A bound global always wins over it.
    pub builtin_cache: Vec<Value>,
}

impl Globals {
    /// The slot for `name`, creating an unbound one if needed.
    pub fn slot(&mut self, name: Symbol) -> u32 {
        if let Some(&slot) = self.index.get(&name) {
            return slot;
        }
        let slot = self.values.len() as u32;
        self.values.push(Value::Undef);
        self.names.push(name);
        self.index.insert(name, slot);
        slot
    }

    pub fn get(&self, name: Symbol) -> Option<&Value> {
        let slot = *self.index.get(&name)?;
        let v = &self.values[slot as usize];
        (!v.is_undef()).then_some(v)
    }

    pub fn set(&mut self, name: Symbol, value: Value) {
        let slot = self.slot(name);
        self.values[slot as usize] = value;
    }

    /// Bound names in definition order, as `vars(module)` / `dir()` see them.
    pub fn bound(&self) -> impl Iterator<Item = (Symbol, &Value)> {
        self.names
            .iter()
            .zip(self.values.iter())
            .filter(|(_, v)| !v.is_undef())
            .map(|(n, v)| (*n, v))
    }
}

pub struct Module {
    pub name: String,
    pub globals: RefCell<Globals>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorKind {
    Generator,
    Coroutine,
    AsyncGenerator,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GeneratorState {
    Created,
    Suspended,
    Running,
    Finished,
}

pub struct Generator {
    pub kind: GeneratorKind,
    pub state: Cell<GeneratorState>,
    /// Async generators: set while an `asend`/`athrow` awaitable is running it.
    pub running_async: Cell<bool>,
    /// The instruction of `origin_code` that created the generator.
    origin_pc: u32,
    pub code: Rc<Code>,
    /// The function's `__name__` and `__qualname__`, only when they are not its code's (the
    /// function was renamed): a million coroutines then cost two fat pointers less each.
    renamed: Option<Box<(Rc<str>, Rc<str>)>>,
    /// The suspended frame, or the state of a coroutine Rust steps (see `GenBody`).
    pub body: Cell<GenBody>,
    /// The code that created the generator, for the never-awaited warning.
    origin_code: Option<Rc<Code>>,
}

// Small enough for mimalloc's 64-byte size class inside its `Rc`: every coroutine is one.
const _: () = assert!(std::mem::size_of::<Generator>() <= 48);

/// What a generator holds between steps. A `Cell`, not a `RefCell`: the body is only ever
/// moved in or out whole, and the borrow flag would cost every coroutine a word.
#[derive(Default)]
pub enum GenBody {
    /// Running (its frame is on the VM's stack) or finished.
    #[default]
    Empty,
    /// Suspended, or created and not started.
    Frame(Box<Frame>),
    /// `asyncio.sleep(delay)` not started yet, with a float or int delay and no result
    /// (these and the variants below are coroutines Rust steps: `asyncio::stepped`).
    SleepFor(f64),
    SleepForInt(i64),
    /// `asyncio.sleep(delay, result)` not started yet, any other arguments.
    SleepArgs(Box<[Value; 2]>),
    /// `asyncio.sleep` awaiting its future.
    SleepAwaiting(Rc<Instance>),
    /// `asyncio.sleep(delay)` run by a task, with its timer in the loop's heap and no future
    /// (asyncio::sleep's lazy path): the task it woke, once the task has taken the yield.
    SleepTimer(Option<Rc<Instance>>),
    /// The same, its timer out of the heap and in the ready queue.
    SleepDue(Option<Rc<Instance>>),
    /// The same, its timer has run: the task's step is scheduled and the next step returns.
    SleepFired,
    /// A lazy sleep given its future when something looked (`task._fut_waiter`, a cancel, a
    /// send from outside a task): stepped as `SleepAwaiting`, and kept after it finishes,
    /// because the timer in the heap still points at the coroutine.
    SleepMaterialized(Rc<Instance>),
    /// `asyncio.sleep(0)` after its bare yield, holding the result (None if it is None).
    SleepYielded(Option<Box<Value>>),
    /// `lock.acquire()` (or `async with lock`'s `__aenter__()`, if `enter`) on an
    /// `asyncio.Lock`, not started yet (asyncio::lock).
    LockAcquire {
        lock: Rc<Instance>,
        enter: bool,
    },
    /// `async with lock`'s `__aexit__(...)`, not started yet.
    LockExit(Rc<Instance>),
    /// `acquire` (or `__aenter__`) waiting for its turn.
    LockWaiting(Box<crate::asyncio::lock::Waiting>),
    /// `queue.put(item)` on an `asyncio.Queue`, not started yet (asyncio::queue).
    QueuePut(Box<(Rc<Instance>, Value)>),
    /// `queue.get()`, not started yet.
    QueueGet(Rc<Instance>),
    /// `put` waiting for room, or `get` for an item.
    QueueWaiting(Box<crate::asyncio::queue::Waiting>),
}

const _: () = assert!(std::mem::size_of::<GenBody>() == 16);

impl Generator {
    /// A generator of `code` in the `Created` state. `name` and `qualname` are the function's;
    /// `origin` is where it was created.
    pub fn new(
        kind: GeneratorKind,
        code: Rc<Code>,
        name: &Rc<str>,
        qualname: &Rc<str>,
        body: GenBody,
        origin: Option<TracebackEntry>,
    ) -> Generator {
        // (A function starts with its code's names: the pointers are compared first.)
        let same = |a: &Rc<str>, b: &Rc<str>| Rc::ptr_eq(a, b) || **a == **b;
        let original = same(name, &code.name) && same(qualname, &code.qualname);
        let renamed = (!original).then(|| Box::new((name.clone(), qualname.clone())));
        let (origin_code, origin_pc) = match origin {
            Some(TracebackEntry { code, pc }) => (Some(code), pc),
            None => (None, 0),
        };
        Generator {
            kind,
            state: Cell::new(GeneratorState::Created),
            running_async: Cell::new(false),
            origin_pc,
            code,
            renamed,
            body: Cell::new(body),
            origin_code,
        }
    }

    /// `__name__`.
    pub fn name(&self) -> &Rc<str> {
        match &self.renamed {
            Some(names) => &names.0,
            None => &self.code.name,
        }
    }

    /// `__qualname__`.
    pub fn qualname(&self) -> &Rc<str> {
        match &self.renamed {
            Some(names) => &names.1,
            None => &self.code.qualname,
        }
    }

    /// Where the generator was created (code and instruction), if in Python code.
    pub fn origin(&self) -> Option<TracebackEntry> {
        self.origin_code.as_ref().map(|code| TracebackEntry {
            code: code.clone(),
            pc: self.origin_pc,
        })
    }

    /// The suspended frame, taken out (None for any other body, which stays).
    pub fn take_frame(&self) -> Option<Box<Frame>> {
        match self.body.take() {
            GenBody::Frame(f) => Some(f),
            other => {
                self.body.set(other);
                None
            }
        }
    }

    pub fn set_frame(&self, frame: Box<Frame>) {
        self.body.set(GenBody::Frame(frame));
    }

    /// Runs `f` on the body without moving it out for good.
    pub fn with_body<R>(&self, f: impl FnOnce(&GenBody) -> R) -> R {
        let body = self.body.take();
        let r = f(&body);
        self.body.set(body);
        r
    }
}

impl Drop for Generator {
    fn drop(&mut self) {
        if self.kind == GeneratorKind::Coroutine && self.state.get() == GeneratorState::Created {
            crate::vm::warnings::coroutine_never_awaited(self.qualname(), self.origin().as_ref());
        }
    }
}

/// An iterator over a builtin container or a builtin lazy iterator (`map`, `zip`, ...).
pub struct NativeIter {
    pub state: RefCell<IterState>,
}

pub struct Range {
    pub start: i64,
    pub stop: i64,
    pub step: i64,
}

impl Range {
    pub fn len(&self) -> i64 {
        let (start, stop, step) = (self.start as i128, self.stop as i128, self.step as i128);
        let n = if step > 0 {
            (stop - start + step - 1) / step
        } else {
            (start - stop - step - 1) / -step
        };
        n.max(0) as i64
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    pub fn get(&self, i: i64) -> i64 {
        self.start + i * self.step
    }
}

pub struct Slice {
    pub start: Value,
    pub stop: Value,
    pub step: Value,
    /// A constant of its code (`s[::-1]`), the same object at every evaluation: copied before
    /// Python code sees it (`Slice::for_python`), as CPython builds a new one each time.
    pub shared: bool,
}

impl Slice {
    /// `index` as Python code may see it: a copy of a shared constant slice, so that no two
    /// evaluations hand out the same object; any other value as it is.
    pub fn for_python(index: &Value) -> Value {
        match index {
            Value::Slice(s) if s.shared => Value::Slice(Rc::new(Slice {
                start: s.start.clone(),
                stop: s.stop.clone(),
                step: s.step.clone(),
                shared: false,
            })),
            other => other.clone(),
        }
    }
}
