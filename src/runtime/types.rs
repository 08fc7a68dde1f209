//! The builtin classes (`object`, `int`, `str`, ..., the exception hierarchy) and the table that
//! installs each type's methods. Classes are created once per VM; their methods are builtins
//! stored in the class dict, so Python code can find them (`list.append`, `str.join`).

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;

use crate::vm::object::{AttrMap, Builtin, BuiltinFn, Class, Layout};
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub struct Types {
    pub object: Rc<Class>,
    pub type_: Rc<Class>,
    pub none_type: Rc<Class>,
    pub not_implemented_type: Rc<Class>,
    pub ellipsis_type: Rc<Class>,
    pub int: Rc<Class>,
    pub bool: Rc<Class>,
    pub float: Rc<Class>,
    pub complex: Rc<Class>,
    pub str: Rc<Class>,
    pub bytes: Rc<Class>,
    pub bytearray: Rc<Class>,
    pub list: Rc<Class>,
    pub tuple: Rc<Class>,
    pub dict: Rc<Class>,
    pub set: Rc<Class>,
    pub frozenset: Rc<Class>,
    pub range: Rc<Class>,
    pub slice: Rc<Class>,
    pub function: Rc<Class>,
    pub builtin_function: Rc<Class>,
    pub method: Rc<Class>,
    pub module: Rc<Class>,
    pub generator: Rc<Class>,
    pub coroutine: Rc<Class>,
    pub async_generator: Rc<Class>,
    pub code: Rc<Class>,
    pub property: Rc<Class>,
    pub classmethod: Rc<Class>,
    pub staticmethod: Rc<Class>,
    pub super_: Rc<Class>,
    // Exceptions.
    pub base_exception: Rc<Class>,
    pub exception: Rc<Class>,
    pub type_error: Rc<Class>,
    pub value_error: Rc<Class>,
    pub key_error: Rc<Class>,
    pub index_error: Rc<Class>,
    pub attribute_error: Rc<Class>,
    pub name_error: Rc<Class>,
    pub unbound_local_error: Rc<Class>,
    pub zero_division_error: Rc<Class>,
    pub overflow_error: Rc<Class>,
    pub runtime_error: Rc<Class>,
    pub recursion_error: Rc<Class>,
    pub not_implemented_error: Rc<Class>,
    pub stop_iteration: Rc<Class>,
    pub stop_async_iteration: Rc<Class>,
    pub assertion_error: Rc<Class>,
    pub keyboard_interrupt: Rc<Class>,
    pub system_exit: Rc<Class>,
    pub generator_exit: Rc<Class>,
    pub timeout_error: Rc<Class>,
    pub memory_error: Rc<Class>,
    pub import_error: Rc<Class>,
    pub module_not_found_error: Rc<Class>,
    pub base_exception_group: Rc<Class>,
    pub exception_group: Rc<Class>,
    pub lookup_error: Rc<Class>,
    pub runtime_warning: Rc<Class>,
    pub syntax_error: Rc<Class>,
    /// Every builtin exception class by name, for the builtins namespace.
    pub exceptions: Vec<Rc<Class>>,
    /// Classes of native iterators and views, made on first use.
    iterators: RefCell<HashMap<&'static str, Rc<Class>>>,
    // Identity markers for default slot implementations.
    pub object_new: Value,
    pub object_init: Value,
    pub object_eq: Value,
    pub object_ne: Value,
    pub object_hash: Value,
    pub object_getattribute: Value,
    pub object_setattr: Value,
}

/// C3 linearisation over `bases` (each given with its own full MRO).
pub fn c3_merge(mut seqs: Vec<Vec<Rc<Class>>>) -> Option<Vec<Rc<Class>>> {
    let mut out: Vec<Rc<Class>> = Vec::new();
    loop {
        seqs.retain(|s| !s.is_empty());
        if seqs.is_empty() {
            return Some(out);
        }
        let mut candidate = None;
        for s in &seqs {
            let head = &s[0];
            let in_tail = seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)));
            if !in_tail {
                candidate = Some(head.clone());
                break;
            }
        }
        let c = candidate?;
        out.push(c.clone());
        for s in seqs.iter_mut() {
            if Rc::ptr_eq(&s[0], &c) {
                s.remove(0);
            }
        }
    }
}

pub fn new_class(
    name: &str,
    module: &str,
    bases: Vec<Rc<Class>>,
    layout: Layout,
    builtin: bool,
) -> Rc<Class> {
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.clone());
    let mro_rest = c3_merge(seqs).unwrap_or_default();
    Rc::new(Class {
        name: name.to_string(),
        qualname: name.to_string(),
        module: module.to_string(),
        bases,
        mro_rest: RefCell::new(mro_rest),
        dict: RefCell::new(AttrMap::default()),
        layout,
        is_builtin: builtin,
        version: Cell::new(0),
        lookup_cache: Default::default(),
    })
}

pub fn builtin_value(name: &'static str, owner: Option<&'static str>, func: BuiltinFn) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        owner,
        func,
        data: Value::None,
        fast: None,
    }))
}

/// `builtin_value` for a function of `builtins` (`owner` None) or a method of a builtin
/// type, with its fast path if it has one (`fast_builtins::lookup`).
pub fn builtin_with_fast_path(
    name: &'static str,
    owner: Option<&'static str>,
    func: BuiltinFn,
) -> Value {
    Value::Builtin(Rc::new(Builtin {
        name,
        owner,
        func,
        data: Value::None,
        fast: super::fast_builtins::lookup(owner, name),
    }))
}

/// The CPython 3.11 exception hierarchy below `Exception`/`BaseException`: (name, parent).
const EXCEPTIONS: &[(&str, &str)] = &[
    ("GeneratorExit", "BaseException"),
    ("KeyboardInterrupt", "BaseException"),
    ("SystemExit", "BaseException"),
    ("BaseExceptionGroup", "BaseException"),
    ("ArithmeticError", "Exception"),
    ("FloatingPointError", "ArithmeticError"),
    ("OverflowError", "ArithmeticError"),
    ("ZeroDivisionError", "ArithmeticError"),
    ("AssertionError", "Exception"),
    ("AttributeError", "Exception"),
    ("BufferError", "Exception"),
    ("EOFError", "Exception"),
    ("ImportError", "Exception"),
    ("ModuleNotFoundError", "ImportError"),
    ("LookupError", "Exception"),
    ("IndexError", "LookupError"),
    ("KeyError", "LookupError"),
    ("MemoryError", "Exception"),
    ("NameError", "Exception"),
    ("UnboundLocalError", "NameError"),
    ("OSError", "Exception"),
    ("BlockingIOError", "OSError"),
    ("ChildProcessError", "OSError"),
    ("ConnectionError", "OSError"),
    ("BrokenPipeError", "ConnectionError"),
    ("ConnectionAbortedError", "ConnectionError"),
    ("ConnectionRefusedError", "ConnectionError"),
    ("ConnectionResetError", "ConnectionError"),
    ("FileExistsError", "OSError"),
    ("FileNotFoundError", "OSError"),
    ("InterruptedError", "OSError"),
    ("IsADirectoryError", "OSError"),
    ("NotADirectoryError", "OSError"),
    ("PermissionError", "OSError"),
    ("ProcessLookupError", "OSError"),
    ("TimeoutError", "OSError"),
    ("ReferenceError", "Exception"),
    ("RuntimeError", "Exception"),
    ("NotImplementedError", "RuntimeError"),
    ("RecursionError", "RuntimeError"),
    ("StopAsyncIteration", "Exception"),
    ("StopIteration", "Exception"),
    ("SyntaxError", "Exception"),
    ("IndentationError", "SyntaxError"),
    ("TabError", "IndentationError"),
    ("SystemError", "Exception"),
    ("TypeError", "Exception"),
    ("ValueError", "Exception"),
    ("UnicodeError", "ValueError"),
    ("UnicodeDecodeError", "UnicodeError"),
    ("UnicodeEncodeError", "UnicodeError"),
    ("Warning", "Exception"),
    ("BytesWarning", "Warning"),
    ("DeprecationWarning", "Warning"),
    ("FutureWarning", "Warning"),
    ("ImportWarning", "Warning"),
    ("PendingDeprecationWarning", "Warning"),
    ("ResourceWarning", "Warning"),
    ("RuntimeWarning", "Warning"),
    ("SyntaxWarning", "Warning"),
    ("UnicodeWarning", "Warning"),
    ("UserWarning", "Warning"),
];

impl Types {
    pub fn new() -> Types {
        let object = new_class("object", "builtins", vec![], Layout::Object, true);
        let b = |name: &str, layout: Layout| {
            new_class(name, "builtins", vec![object.clone()], layout, true)
        };
        let type_ = b("type", Layout::Native);
        let int = b("int", Layout::Boxed(crate::vm::object::BoxedKind::Int));
        let bool_ = new_class("bool", "builtins", vec![int.clone()], Layout::Native, true);
        let base_exception = b("BaseException", Layout::Exception);
        let exception = new_class(
            "Exception",
            "builtins",
            vec![base_exception.clone()],
            Layout::Exception,
            true,
        );
        let mut by_name: HashMap<&str, Rc<Class>> = HashMap::new();
        by_name.insert("BaseException", base_exception.clone());
        by_name.insert("Exception", exception.clone());
        let mut exceptions = vec![base_exception.clone(), exception.clone()];
        for (name, parent) in EXCEPTIONS {
            let parent = by_name[parent].clone();
            let cls = new_class(name, "builtins", vec![parent], Layout::Exception, true);
            by_name.insert(name, cls.clone());
            exceptions.push(cls);
        }
        let exception_group = new_class(
            "ExceptionGroup",
            "builtins",
            vec![by_name["BaseExceptionGroup"].clone(), exception.clone()],
            Layout::Exception,
            true,
        );
        by_name.insert("ExceptionGroup", exception_group.clone());
        exceptions.push(exception_group.clone());
        let e = |n: &str| by_name[n].clone();
        // The default slots of `object`: real implementations (so `object.__setattr__(self,
        // ...)` works), whose identity also tells the VM a class does not override them.
        let marker = |name: &'static str, f: BuiltinFn| builtin_value(name, Some("object"), f);
        Types {
            type_,
            none_type: b("NoneType", Layout::Native),
            not_implemented_type: b("NotImplementedType", Layout::Native),
            ellipsis_type: b("ellipsis", Layout::Native),
            bool: bool_,
            float: b("float", Layout::Boxed(crate::vm::object::BoxedKind::Float)),
            complex: b(
                "complex",
                Layout::Boxed(crate::vm::object::BoxedKind::Complex),
            ),
            str: b("str", Layout::Boxed(crate::vm::object::BoxedKind::Str)),
            bytes: b("bytes", Layout::Native),
            bytearray: b("bytearray", Layout::Native),
            list: b("list", Layout::Boxed(crate::vm::object::BoxedKind::List)),
            tuple: b("tuple", Layout::Boxed(crate::vm::object::BoxedKind::Tuple)),
            dict: b("dict", Layout::Boxed(crate::vm::object::BoxedKind::Dict)),
            set: b("set", Layout::Boxed(crate::vm::object::BoxedKind::Set)),
            frozenset: b("frozenset", Layout::Native),
            range: b("range", Layout::Native),
            slice: b("slice", Layout::Native),
            function: b("function", Layout::Native),
            builtin_function: b("builtin_function_or_method", Layout::Native),
            method: b("method", Layout::Native),
            module: b("module", Layout::Native),
            generator: b("generator", Layout::Native),
            coroutine: b("coroutine", Layout::Native),
            async_generator: b("async_generator", Layout::Native),
            code: b("code", Layout::Native),
            property: b("property", Layout::Native),
            classmethod: b("classmethod", Layout::Native),
            staticmethod: b("staticmethod", Layout::Native),
            super_: b("super", Layout::Native),
            int,
            type_error: e("TypeError"),
            value_error: e("ValueError"),
            key_error: e("KeyError"),
            index_error: e("IndexError"),
            attribute_error: e("AttributeError"),
            name_error: e("NameError"),
            unbound_local_error: e("UnboundLocalError"),
            zero_division_error: e("ZeroDivisionError"),
            overflow_error: e("OverflowError"),
            runtime_error: e("RuntimeError"),
            recursion_error: e("RecursionError"),
            not_implemented_error: e("NotImplementedError"),
            stop_iteration: e("StopIteration"),
            stop_async_iteration: e("StopAsyncIteration"),
            assertion_error: e("AssertionError"),
            keyboard_interrupt: e("KeyboardInterrupt"),
            system_exit: e("SystemExit"),
            generator_exit: e("GeneratorExit"),
            timeout_error: e("TimeoutError"),
            memory_error: e("MemoryError"),
            import_error: e("ImportError"),
            module_not_found_error: e("ModuleNotFoundError"),
            base_exception_group: e("BaseExceptionGroup"),
            exception_group,
            lookup_error: e("LookupError"),
            runtime_warning: e("RuntimeWarning"),
            syntax_error: e("SyntaxError"),
            base_exception,
            exception,
            exceptions,
            iterators: RefCell::new(HashMap::new()),
            object_new: marker("__new__", super::class::object_new),
            object_init: marker("__init__", super::class::object_init),
            object_eq: marker("__eq__", super::class::object_eq),
            object_ne: marker("__ne__", super::class::object_ne),
            object_hash: marker("__hash__", super::class::object_hash),
            object_getattribute: marker("__getattribute__", super::class::object_getattribute),
            object_setattr: marker("__setattr__", super::class::object_setattr),
            object,
        }
    }

    /// The class of a native iterator kind, created on first use.
    pub fn iterator_class(&self, name: &'static str) -> Rc<Class> {
        if let Some(c) = self.iterators.borrow().get(name) {
            return c.clone();
        }
        let c = new_class(
            name,
            "builtins",
            vec![self.object.clone()],
            Layout::Native,
            true,
        );
        self.iterators.borrow_mut().insert(name, c.clone());
        c
    }

    pub fn exception_by_name(&self, name: &str) -> Option<Rc<Class>> {
        self.exceptions.iter().find(|c| c.name == name).cloned()
    }
}

impl Default for Types {
    fn default() -> Self {
        Types::new()
    }
}

/// Puts builtin methods into a class dict (also used for asyncio's native classes).
pub fn install(class: &Rc<Class>, owner: &'static str, methods: &[(&'static str, BuiltinFn)]) {
    for (name, func) in methods {
        class.set_attr(
            intern(name),
            builtin_with_fast_path(name, Some(owner), *func),
        );
    }
}

/// Puts every builtin type's methods into its class dict.
pub fn install_methods(vm: &mut Vm) {
    let t = &vm.types;
    let object = t.object.clone();
    for (name, marker) in [
        ("__new__", t.object_new.clone()),
        ("__init__", t.object_init.clone()),
        ("__eq__", t.object_eq.clone()),
        ("__ne__", t.object_ne.clone()),
        ("__hash__", t.object_hash.clone()),
        ("__getattribute__", t.object_getattribute.clone()),
        ("__setattr__", t.object_setattr.clone()),
    ] {
        object.set_attr(intern(name), marker);
    }
    install(&object, "object", super::class::OBJECT_METHODS);
    install(&t.type_, "type", super::class::TYPE_METHODS);
    install(&t.str, "str", super::str_methods::METHODS);
    super::str_methods::install(vm);
    super::bytes_methods::install(vm);
    super::int_methods::install(vm);
    super::value_dunders::install(vm);
    let t = &vm.types;
    install(&t.list, "list", super::list::METHODS);
    install(&t.tuple, "tuple", super::list::TUPLE_METHODS);
    install(&t.dict, "dict", super::dict_methods::METHODS);
    install(&t.set, "set", super::setops::SET_METHODS);
    install(&t.frozenset, "frozenset", super::setops::FROZENSET_METHODS);
    install(&t.int, "int", super::int_methods::INT_METHODS);
    install(&t.float, "float", super::int_methods::FLOAT_METHODS);
    install(&t.complex, "complex", super::complex::METHODS);
    install(&t.range, "range", super::list::RANGE_METHODS);
    install(&t.slice, "slice", super::seq::SLICE_METHODS);
    install(
        &t.generator,
        "generator",
        super::generators::GENERATOR_METHODS,
    );
    install(
        &t.coroutine,
        "coroutine",
        super::generators::COROUTINE_METHODS,
    );
    install(
        &t.async_generator,
        "async_generator",
        super::generators::ASYNC_GENERATOR_METHODS,
    );
    install(
        &t.base_exception,
        "BaseException",
        super::exceptions::BASE_EXCEPTION_METHODS,
    );
    install(
        &t.base_exception_group,
        "BaseExceptionGroup",
        super::exceptions::EXCEPTION_GROUP_METHODS,
    );
    install(&t.property, "property", super::class::PROPERTY_METHODS);
    // `__hash__ = None` makes mutable builtins unhashable for `hash()` and isinstance checks.
    for cls in [&t.list, &t.dict, &t.set] {
        cls.set_attr(crate::vm::symbol::sym::HASH, Value::None);
    }
    let view_methods = super::dict_methods::VIEW_METHODS;
    for name in ["dict_keys", "dict_values", "dict_items"] {
        let cls = vm.types.iterator_class(name);
        install(&cls, name, view_methods);
    }
    super::dunders::install(vm);
}

/// Computed attributes of builtin values (`range.start`, `f.__name__`, `(1).real`, ...).
pub fn value_attr(vm: &mut Vm, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
    let n = name.as_str();
    Ok(match obj {
        Value::Range(r) => match n {
            "start" => Some(Value::Int(r.start)),
            "stop" => Some(Value::Int(r.stop)),
            "step" => Some(Value::Int(r.step)),
            _ => None,
        },
        Value::Slice(s) => match n {
            "start" => Some(s.start.clone()),
            "stop" => Some(s.stop.clone()),
            "step" => Some(s.step.clone()),
            _ => None,
        },
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => match n {
            "real" | "numerator" => Some(match obj {
                Value::Bool(b) => Value::Int(b.get() as i64),
                _ => obj.clone(),
            }),
            "imag" => Some(Value::Int(0)),
            "denominator" => Some(Value::Int(1)),
            _ => None,
        },
        Value::Float(f) => match n {
            "real" => Some(Value::Float(*f)),
            "imag" => Some(Value::float(0.0)),
            _ => None,
        },
        Value::Complex(z) => match n {
            "real" => Some(Value::float(z.re)),
            "imag" => Some(Value::float(z.im)),
            _ => None,
        },
        Value::Function(f) => match n {
            "__name__" => Some(Value::str(&f.name.borrow())),
            "__qualname__" => Some(Value::str(&f.qualname.borrow())),
            "__module__" => Some(Value::str(&f.globals.name)),
            "__doc__" => Some(match &f.code.doc {
                Some(d) => Value::str(d),
                None => Value::None,
            }),
            "__defaults__" => Some(if f.defaults.is_empty() {
                Value::None
            } else {
                Value::tuple(f.defaults.clone())
            }),
            "__code__" => Some(Value::Code(f.code.clone())),
            "__globals__" => Some(super::builtins::globals_dict(vm, &f.globals)?),
            "__dict__" => {
                let mut d = super::dict::Dict::new();
                for (k, v) in f.dict.borrow().iter() {
                    let key = Value::str(k.as_str());
                    if let Value::Str(s) = &key {
                        d.insert_fast(s.hash(), key.clone(), v.clone());
                    }
                }
                Some(Value::dict(d))
            }
            _ => f.dict.borrow().get(&name).cloned(),
        },
        Value::Builtin(b) => match n {
            "__name__" => Some(Value::str(b.name)),
            "__qualname__" => Some(match b.owner {
                Some(owner) => Value::string(format!("{owner}.{}", b.name)),
                None => Value::str(b.name),
            }),
            "__doc__" => Some(Value::None),
            "__self__" => Some(Value::None),
            _ => None,
        },
        Value::BoundMethod(m) => match n {
            "__self__" => Some(m.receiver.clone()),
            "__func__" => Some(m.func.clone()),
            "__name__" | "__qualname__" | "__doc__" | "__module__" => {
                return vm.get_attr_opt(&m.func, name)
            }
            _ => None,
        },
        Value::Generator(g) => match n {
            "__name__" => Some(Value::str(g.name())),
            "__qualname__" => Some(Value::str(g.qualname())),
            "gi_running" | "cr_running" | "ag_running" => Some(Value::bool(
                g.state.get() == crate::vm::object::GeneratorState::Running,
            )),
            "gi_frame" | "cr_frame" | "ag_frame" => Some(Value::None),
            "cr_await" | "gi_yieldfrom" => Some(Value::None),
            "gi_code" | "cr_code" | "ag_code" => Some(Value::Code(g.code.clone())),
            _ => None,
        },
        Value::Code(c) => match n {
            "co_name" => Some(Value::str(&c.name)),
            "co_qualname" => Some(Value::str(&c.qualname)),
            "co_filename" => Some(Value::str(&c.file.name)),
            "co_argcount" => Some(Value::Int(c.argcount as i64)),
            "co_firstlineno" => Some(Value::Int(c.first_line as i64)),
            "co_varnames" => Some(Value::tuple(
                c.varnames.iter().map(|s| Value::str(s.as_str())).collect(),
            )),
            _ => None,
        },
        Value::Module(m) => match n {
            "__name__" => Some(Value::str(&m.name)),
            _ => None,
        },
        _ => None,
    })
}
