//! The virtual machine: the `Vm` owns the frame stack, the builtin types, loaded modules and the
//! interpreter's I/O. Execution (`dispatch`), calls (`call`), attribute access (`attr`),
//! operators (`ops`) and exceptions (`exceptions`) are `impl Vm` blocks in their own modules.

pub mod attr;
pub mod attr_cache;
pub mod call;
pub mod dispatch;
pub mod exceptions;
pub mod fastpath;
pub mod frame;
pub mod inst_attrs;
pub mod lenient;
pub mod object;
pub mod ops;
pub mod plain_call;
pub mod symbol;
pub mod value;
pub mod warnings;

use std::cell::RefCell;
use std::rc::Rc;

use rustc_hash::FxHashMap;

use crate::runtime::io::Output;
use crate::runtime::types::Types;
use frame::Frame;
use object::{Class, ExceptionData, Instance, Module, Payload};
use symbol::Symbol;
use value::Value;

/// A raised Python exception (always an instance of a `BaseException` subclass).
#[derive(Clone)]
pub struct PyErr {
    pub exc: Rc<Instance>,
}

impl PyErr {
    pub fn value(&self) -> Value {
        Value::Instance(self.exc.clone())
    }

    pub fn class(&self) -> &Rc<Class> {
        &self.exc.class
    }

    pub fn data(&self) -> std::cell::Ref<'_, ExceptionData> {
        match &self.exc.payload {
            Payload::Exception(d) => d.borrow(),
            _ => unreachable!("PyErr always wraps an exception instance"),
        }
    }

    pub fn is_instance_of(&self, class: &Rc<Class>) -> bool {
        self.exc.class.is_subclass_of(class)
    }
}

impl std::fmt::Debug for PyErr {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "PyErr({})", self.exc.class.name)
    }
}

pub type PyResult<T> = Result<T, PyErr>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum ClockKind {
    #[default]
    Real,
    Virtual,
}

/// How the VM was asked to run.
#[derive(Clone, Debug, Default)]
pub struct VmOptions {
    pub clock: ClockKind,
    /// Apply unambiguous "did you mean" corrections to names, modules and keywords.
    pub lenient: bool,
    pub argv: Vec<String>,
    /// Colour in diagnostics.
    pub color: bool,
}

pub struct Vm {
    /// The frames of running Python code, innermost last.
    pub frames: Vec<Box<Frame>>,
    pub types: Types,
    pub builtins: FxHashMap<Symbol, Value>,
    /// Imported modules by name (`sys.modules`).
    pub modules: FxHashMap<String, Value>,
    pub main: Rc<Module>,
    pub recursion_limit: usize,
    /// How many times Rust code has re-entered the run loop (a builtin calling Python code).
    pub native_depth: usize,
    pub out: Output,
    pub options: VmOptions,
    pub clock: crate::runtime::time::Clock,
    pub random: crate::runtime::modules::RandomState,
    pub asyncio: crate::asyncio::AsyncioState,
    /// Warnings and diagnostics to show alongside (not instead of) normal output.
    pub notes: Vec<String>,
    /// Set by `Raise 0`/`Reraise`: the exception being unwound gets no new traceback entry.
    pub(crate) reraising: bool,
    /// A thrown exception to raise in the frame just resumed (see `Vm::resume_generator`).
    pub(crate) pending_throw: Option<PyErr>,
    /// A value the resumed frame must yield at once (a native sub-iterator yielded on throw).
    pub(crate) pending_yield: Option<Value>,
    /// Containers being repr'd, to print `[...]` for self-references.
    pub(crate) repr_stack: Vec<usize>,
    /// Finished frames kept for reuse (a call allocates nothing when one is available).
    /// Boxed: frames live in boxes everywhere else, so reuse saves the allocation.
    #[allow(clippy::vec_box)]
    pub(crate) frame_pool: Vec<Box<frame::Frame>>,
    /// A spare argument buffer for calls of builtins from bytecode (see `call_builtin_from_stack`).
    pub(crate) arg_scratch: Vec<value::Value>,
    /// Units of work left before a runaway program is stopped (`u64::MAX`: unlimited).
    pub step_budget: u64,
    /// Source places that already printed a lenient-mode warning.
    pub(crate) warned_at: std::collections::HashSet<(usize, u32, u32)>,
    /// Set while the interactive prompt runs: input and Ctrl-C arrive through it.
    pub repl: Option<crate::repl::ReplIo>,
    /// The prompt is idle: the event loop's waits end early when input arrives.
    pub repl_idle: bool,
}

/// The default recursion limit, as in CPython.
pub const DEFAULT_RECURSION_LIMIT: usize = 1000;
/// Re-entries of the run loop from Rust (each uses Rust stack) are capped separately.
pub const MAX_NATIVE_DEPTH: usize = 2500;

impl Vm {
    pub fn new(options: VmOptions) -> Vm {
        let types = Types::new();
        let main = Rc::new(Module {
            name: "__main__".to_string(),
            globals: RefCell::new(Default::default()),
        });
        let clock = crate::runtime::time::Clock::new(options.clock);
        let mut vm = Vm {
            frames: Vec::new(),
            types,
            builtins: FxHashMap::default(),
            modules: FxHashMap::default(),
            main,
            recursion_limit: DEFAULT_RECURSION_LIMIT,
            native_depth: 0,
            out: Output::stdout(),
            options,
            clock,
            random: crate::runtime::modules::RandomState::new(),
            asyncio: crate::asyncio::AsyncioState::default(),
            notes: Vec::new(),
            reraising: false,
            pending_throw: None,
            pending_yield: None,
            repr_stack: Vec::new(),
            frame_pool: Vec::new(),
            arg_scratch: Vec::new(),
            step_budget: u64::MAX,
            warned_at: Default::default(),
            repl: None,
            repl_idle: false,
        };
        crate::runtime::types::install_methods(&mut vm);
        crate::runtime::builtins::install(&mut vm);
        {
            let mut g = vm.main.globals.borrow_mut();
            g.set(symbol::sym::NAME, Value::str("__main__"));
            g.set(symbol::intern("__doc__"), Value::None);
        }
        vm
    }

    // ----- types -------------------------------------------------------------------------

    /// `type(v)`.
    pub fn class_of(&self, v: &Value) -> Rc<Class> {
        let t = &self.types;
        match v {
            Value::Instance(i) => i.class.clone(),
            Value::Int(_) | Value::BigInt(_) => t.int.clone(),
            Value::Str(_) => t.str.clone(),
            Value::None | Value::Undef => t.none_type.clone(),
            Value::Bool(_) => t.bool.clone(),
            Value::Float(_) => t.float.clone(),
            Value::Complex(_) => t.complex.clone(),
            Value::List(_) => t.list.clone(),
            Value::Tuple(_) => t.tuple.clone(),
            Value::Dict(_) => t.dict.clone(),
            Value::Set(_) => t.set.clone(),
            Value::FrozenSet(_) => t.frozenset.clone(),
            Value::Bytes(_) => t.bytes.clone(),
            Value::Range(_) => t.range.clone(),
            Value::Slice(_) => t.slice.clone(),
            Value::Function(_) => t.function.clone(),
            Value::Builtin(_) => t.builtin_function.clone(),
            Value::BoundMethod(m) => {
                if matches!(m.func, Value::Builtin(_)) {
                    t.builtin_function.clone()
                } else {
                    t.method.clone()
                }
            }
            Value::Class(_) => t.type_.clone(),
            Value::Module(_) => t.module.clone(),
            Value::Generator(g) => match g.kind {
                object::GeneratorKind::Generator => t.generator.clone(),
                object::GeneratorKind::Coroutine => t.coroutine.clone(),
                object::GeneratorKind::AsyncGenerator => t.async_generator.clone(),
            },
            Value::Iter(it) => crate::runtime::iter::class_of_iter(self, it),
            Value::Code(_) | Value::Cell(_) => t.code.clone(),
            Value::NotImplemented => t.not_implemented_type.clone(),
            Value::Ellipsis => t.ellipsis_type.clone(),
        }
    }

    /// The class name as Python error messages show it (`'int'`, `'Foo'`).
    pub fn type_name(&self, v: &Value) -> String {
        self.class_of(v).name.clone()
    }

    pub fn isinstance(&self, v: &Value, class: &Rc<Class>) -> bool {
        self.class_of(v).is_subclass_of(class)
    }

    // ----- exceptions --------------------------------------------------------------------

    /// A new exception instance of `class` with `args`.
    pub fn new_exception(&self, class: &Rc<Class>, args: Vec<Value>) -> Rc<Instance> {
        Rc::new(Instance::new(
            class.clone(),
            Payload::Exception(Box::new(RefCell::new(ExceptionData {
                args,
                ..Default::default()
            }))),
        ))
    }

    /// `class(msg)` as an error to return.
    pub fn err(&self, class: &Rc<Class>, msg: impl Into<String>) -> PyErr {
        PyErr {
            exc: self.new_exception(class, vec![Value::string(msg.into())]),
        }
    }

    pub fn err_with(&self, class: &Rc<Class>, args: Vec<Value>) -> PyErr {
        PyErr {
            exc: self.new_exception(class, args),
        }
    }

    /// A MemoryError with no arguments, as CPython raises it when an allocation fails.
    pub fn memory_error(&self) -> PyErr {
        self.err_with(&self.types.memory_error, Vec::new())
    }

    /// A repetition count past 64 bits (CPython's `Py_ssize_t`).
    pub fn repeat_count_overflow(&self) -> PyErr {
        self.overflow_error("cannot fit 'int' into an index-sized integer")
    }

    pub fn type_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.type_error, msg)
    }

    pub fn value_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.value_error, msg)
    }

    pub fn index_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.index_error, msg)
    }

    pub fn key_error(&self, key: Value) -> PyErr {
        self.err_with(&self.types.key_error, vec![key])
    }

    pub fn attribute_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.attribute_error, msg)
    }

    pub fn runtime_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.runtime_error, msg)
    }

    pub fn zero_division(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.zero_division_error, msg)
    }

    pub fn overflow_error(&self, msg: impl Into<String>) -> PyErr {
        self.err(&self.types.overflow_error, msg)
    }

    pub fn name_error(&self, name: &str) -> PyErr {
        let e = self.err(
            &self.types.name_error,
            format!("name '{name}' is not defined"),
        );
        e.exc
            .dict
            .borrow_mut()
            .insert(symbol::sym::NAME_PLAIN, Value::str(name));
        e
    }

    pub fn stop_iteration(&self, value: Value) -> PyErr {
        let args = if value.is_none() { vec![] } else { vec![value] };
        self.err_with(&self.types.stop_iteration, args)
    }

    pub fn recursion_error(&self) -> PyErr {
        self.err(
            &self.types.recursion_error,
            "maximum recursion depth exceeded",
        )
    }

    /// NameError for a missing global (suggestions are added when the traceback is printed).
    pub fn name_error_with_hint(&self, name: &str) -> PyErr {
        self.name_error(name)
    }

    /// A global name is missing: NameError, or in lenient mode the unambiguous near miss.
    pub(crate) fn missing_global(&mut self, name: &str) -> PyResult<Value> {
        if self.options.lenient {
            let mut names: Vec<&'static str> = self
                .frames
                .last()
                .map(|f| {
                    f.globals
                        .globals
                        .borrow()
                        .bound()
                        .map(|(k, _)| k.as_str())
                        .collect()
                })
                .unwrap_or_default();
            names.extend(self.builtins.keys().map(|k| k.as_str()));
            if let Some(fix) = lenient::unambiguous_match(name, &names) {
                let sym = symbol::intern(fix);
                let found = self
                    .frames
                    .last()
                    .and_then(|f| f.globals.globals.borrow().get(sym).cloned())
                    .or_else(|| self.builtins.get(&sym).cloned());
                if let Some(v) = found {
                    self.lenient_warning(&format!("name '{name}' is not defined; using '{fix}'"));
                    return Ok(v);
                }
            }
        }
        Err(self.name_error(name))
    }

    /// Looks up a module-level name (`__main__` globals, then builtins).
    pub fn main_global(&self, name: &str) -> Option<Value> {
        let sym = symbol::lookup(name)?;
        if let Some(v) = self.main.globals.borrow().get(sym) {
            return Some(v.clone());
        }
        self.builtins.get(&sym).cloned()
    }
}
