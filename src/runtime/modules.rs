//! `import`: the builtin modules a script may use (`sys`, `math`, `time`, `random`, `asyncio`)
//! and nothing else — tulip runs untrusted snippets, so there is no file system import.

use std::cell::RefCell;
use std::rc::Rc;

use num_bigint::BigInt;

use super::random_core::Seed;
use super::types::builtin_value;
use crate::vm::object::{Args, BuiltinFn, Globals, Module};
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

/// Modules `import` can load.
pub const KNOWN_MODULES: &[&str] = &["sys", "math", "time", "random", "asyncio"];

pub fn new_module(name: &str) -> Rc<Module> {
    Rc::new(Module {
        name: name.to_string(),
        globals: RefCell::new(Globals::default()),
    })
}

pub fn add_functions(m: &Module, owner: &'static str, fns: &[(&'static str, BuiltinFn)]) {
    let _ = owner;
    let mut g = m.globals.borrow_mut();
    for (name, f) in fns {
        g.set(intern(name), builtin_value(name, None, *f));
    }
}

impl Vm {
    pub(crate) fn import_module(&mut self, name: &str) -> PyResult<Value> {
        if let Some(m) = self.modules.get(name) {
            return Ok(m.clone());
        }
        let first = name.split('.').next().unwrap_or(name);
        let module = match first {
            "sys" => make_sys(self),
            "math" => super::math::make_math(self),
            "time" => make_time(self),
            "random" => make_random(self),
            "asyncio" => crate::asyncio::make_module(self)?,
            "_tulip" => crate::asyncio::native::make_module(self),
            _ => {
                let fix = crate::vm::lenient::unambiguous_match(first, KNOWN_MODULES);
                if let Some(fix) = fix {
                    if self.options.lenient {
                        self.lenient_warning(&format!("no module named '{first}'; using '{fix}'"));
                        let m = self.import_module(fix)?;
                        // Later code names the module correctly (`asyncio.run`): bind that too.
                        if let Some(f) = self.frames.last() {
                            f.globals.globals.borrow_mut().set(intern(fix), m.clone());
                        }
                        return Ok(m);
                    }
                    let err = self.module_not_found(name);
                    self.attach_hint(&err, format!("did you mean '{fix}'?"));
                    return Err(err);
                }
                return Err(self.module_not_found(name));
            }
        };
        let v = Value::Module(module);
        self.modules.insert(first.to_string(), v.clone());
        sync_sys_modules(self)?;
        if name != first {
            return Err(self.module_not_found(name));
        }
        Ok(v)
    }

    fn module_not_found(&mut self, name: &str) -> crate::vm::PyErr {
        let e = self.err(
            &self.types.module_not_found_error.clone(),
            format!("No module named '{name}'"),
        );
        e.exc
            .dict
            .borrow_mut()
            .insert(crate::vm::symbol::sym::NAME_PLAIN, Value::str(name));
        e
    }

    pub(crate) fn import_from(&mut self, module: &Value, name: Symbol) -> PyResult<Value> {
        match self.get_attr_opt(module, name)? {
            Some(v) => Ok(v),
            None => {
                let mname = match module {
                    Value::Module(m) => m.name.clone(),
                    _ => "?".into(),
                };
                let e = self.err(
                    &self.types.import_error.clone(),
                    format!("cannot import name '{name}' from '{mname}' (unknown location)"),
                );
                e.exc
                    .dict
                    .borrow_mut()
                    .insert(crate::vm::symbol::sym::NAME_PLAIN, Value::str(&mname));
                Err(e)
            }
        }
    }

    pub(crate) fn import_star(&mut self, module: &Value) -> PyResult<()> {
        let Value::Module(m) = module else {
            return Ok(());
        };
        let items: Vec<(Symbol, Value)> = m
            .globals
            .borrow()
            .bound()
            .filter(|(k, _)| !k.as_str().starts_with('_'))
            .map(|(k, v)| (k, v.clone()))
            .collect();
        let target = match self.frames.last() {
            Some(f) => f.globals.clone(),
            None => self.main.clone(),
        };
        let mut g = target.globals.borrow_mut();
        for (k, v) in items {
            g.set(k, v);
        }
        Ok(())
    }
}

/// `print(..., file=sys.stderr)` and `sys.stdout.write`.
pub fn write_to_file_object(vm: &mut Vm, file: &Value, text: &str) -> PyResult<()> {
    match stream_of(file) {
        Some(1) => vm.write_stdout(text),
        Some(2) => {
            vm.write_stderr(text);
            Ok(())
        }
        _ => {
            vm.call_method(file, intern("write"), &[Value::str(text)])?;
            Ok(())
        }
    }
}

/// 1 for sys.stdout, 2 for sys.stderr objects (by their `fileno`).
fn stream_of(v: &Value) -> Option<i64> {
    match v {
        Value::Instance(i) if i.class.name == "TextIOWrapper" && i.class.module == "_io" => {
            match super::instdict::get(i, intern("_fileno")) {
                Some(Value::Int(n)) => Some(n),
                _ => None,
            }
        }
        _ => None,
    }
}

// ----- sys ---------------------------------------------------------------------------------

/// `io.TextIOWrapper`, the class of `sys.stdout`, `sys.stderr` and `sys.stdin`.
fn text_io_class(vm: &Vm) -> Rc<crate::vm::object::Class> {
    let cls = super::types::new_class(
        "TextIOWrapper",
        "_io",
        vec![vm.types.object.clone()],
        crate::vm::object::Layout::Object,
        true,
    );
    for (name, f) in [
        ("write", stream_write as BuiltinFn),
        ("flush", stream_flush),
        ("fileno", stream_fileno),
        ("isatty", stream_isatty),
        ("writable", stream_writable),
        ("readable", stream_readable),
        ("__repr__", stream_repr),
    ] {
        cls.dict
            .borrow_mut()
            .insert(intern(name), builtin_value(name, Some("TextIOWrapper"), f));
    }
    cls
}

fn make_stream(cls: &Rc<crate::vm::object::Class>, fileno: i64) -> Value {
    use crate::vm::object::{Instance, Payload};
    let inst = Instance::new(cls.clone(), Payload::Plain);
    let (name, mode) = match fileno {
        0 => ("<stdin>", "r"),
        1 => ("<stdout>", "w"),
        _ => ("<stderr>", "w"),
    };
    {
        let mut d = inst.dict.borrow_mut();
        d.insert(intern("_fileno"), Value::Int(fileno));
        d.insert(intern("name"), Value::str(name));
        d.insert(intern("mode"), Value::str(mode));
        d.insert(intern("encoding"), Value::str("utf-8"));
    }
    Value::Instance(Rc::new(inst))
}

fn stream_fd(vm: &Vm, args: &Args) -> PyResult<i64> {
    match args.pos.first().and_then(stream_of) {
        Some(n) => Ok(n),
        None => match args.pos.first() {
            Some(Value::Instance(i)) if i.class.name == "TextIOWrapper" => Ok(0),
            _ => Err(vm.type_error("descriptor requires a '_io.TextIOWrapper' object")),
        },
    }
}

fn stream_write(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = stream_fd(vm, &args)?;
    let s = match args.pos.get(1) {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "write() argument must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => {
            return Err(vm.type_error("TextIOWrapper.write() takes exactly one argument (0 given)"))
        }
    };
    match fd {
        1 => vm.write_stdout(s.as_str())?,
        2 => vm.write_stderr(s.as_str()),
        _ => {
            return Err(vm.err(
                &vm.types
                    .exception_by_name("OSError")
                    .unwrap_or(vm.types.exception.clone()),
                "not writable",
            ))
        }
    }
    Ok(Value::Int(s.char_len() as i64))
}

fn stream_flush(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    vm.out.flush();
    Ok(Value::None)
}

fn stream_fileno(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::Int(stream_fd(vm, &args)?))
}

fn stream_isatty(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::FALSE)
}

fn stream_writable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(stream_fd(vm, &args)? != 0))
}

fn stream_readable(vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(Value::bool(stream_fd(vm, &args)? == 0))
}

fn stream_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fd = stream_fd(vm, &args)?;
    let (name, mode) = match fd {
        0 => ("<stdin>", "r"),
        1 => ("<stdout>", "w"),
        _ => ("<stderr>", "w"),
    };
    Ok(Value::string(format!(
        "<_io.TextIOWrapper name='{name}' mode='{mode}' encoding='utf-8'>"
    )))
}

/// Keeps `sys.modules` in step with the modules imported so far.
fn sync_sys_modules(vm: &mut Vm) -> PyResult<()> {
    let Some(Value::Module(sys)) = vm.modules.get("sys").cloned() else {
        return Ok(());
    };
    let Some(Value::Dict(d)) = sys.globals.borrow().get(intern("modules")).cloned() else {
        return Ok(());
    };
    let mut entries: Vec<(String, Value)> =
        vec![("__main__".to_string(), Value::Module(vm.main.clone()))];
    let mut names: Vec<&String> = vm.modules.keys().collect();
    names.sort();
    for n in names {
        if let Some(m) = vm.modules.get(n) {
            entries.push((n.clone(), m.clone()));
        }
    }
    for (k, v) in entries {
        if vm.dict_get_str(&d, &k)?.is_none() {
            vm.dict_set(&d, Value::string(k), v)?;
        }
    }
    Ok(())
}

fn make_sys(vm: &mut Vm) -> Rc<Module> {
    let m = new_module("sys");
    add_functions(
        &m,
        "sys",
        &[
            ("exit", sys_exit),
            ("getrecursionlimit", sys_getrecursionlimit),
            ("setrecursionlimit", sys_setrecursionlimit),
            ("exc_info", sys_exc_info),
            ("exception", sys_exception),
            ("getsizeof", sys_getsizeof),
            ("intern", sys_intern),
        ],
    );
    {
        let mut g = m.globals.borrow_mut();
        let argv: Vec<Value> = vm.options.argv.iter().map(|a| Value::str(a)).collect();
        g.set(intern("argv"), Value::list(argv));
        let io = text_io_class(vm);
        let (stdout, stderr) = (make_stream(&io, 1), make_stream(&io, 2));
        g.set(intern("stdin"), make_stream(&io, 0));
        g.set(intern("stdout"), stdout.clone());
        g.set(intern("stderr"), stderr.clone());
        g.set(intern("__stdout__"), stdout);
        g.set(intern("__stderr__"), stderr);
        let fi = structseq_class(
            vm,
            "sys",
            "float_info",
            &[
                "max",
                "max_exp",
                "max_10_exp",
                "min",
                "min_exp",
                "min_10_exp",
                "dig",
                "mant_dig",
                "epsilon",
                "radix",
                "rounds",
            ],
        );
        g.set(
            intern("float_info"),
            structseq_new(
                &fi,
                vec![
                    Value::float(f64::MAX),
                    Value::Int(1024),
                    Value::Int(308),
                    Value::float(f64::MIN_POSITIVE),
                    Value::Int(-1021),
                    Value::Int(-307),
                    Value::Int(15),
                    Value::Int(53),
                    Value::float(f64::EPSILON),
                    Value::Int(2),
                    Value::Int(1),
                ],
                &[],
            ),
        );
        let ii = structseq_class(
            vm,
            "sys",
            "int_info",
            &[
                "bits_per_digit",
                "sizeof_digit",
                "default_max_str_digits",
                "str_digits_check_threshold",
            ],
        );
        g.set(
            intern("int_info"),
            structseq_new(
                &ii,
                vec![
                    Value::Int(30),
                    Value::Int(4),
                    Value::Int(4300),
                    Value::Int(640),
                ],
                &[],
            ),
        );
        g.set(intern("version"), Value::str("3.11.7 (tulip)"));
        let vi = structseq_class(
            vm,
            "sys",
            "version_info",
            &["major", "minor", "micro", "releaselevel", "serial"],
        );
        g.set(
            intern("version_info"),
            structseq_new(
                &vi,
                vec![
                    Value::Int(3),
                    Value::Int(11),
                    Value::Int(7),
                    Value::str("final"),
                    Value::Int(0),
                ],
                &[],
            ),
        );
        g.set(intern("platform"), Value::str("linux"));
        g.set(intern("maxsize"), Value::Int(i64::MAX));
        g.set(intern("byteorder"), Value::str("little"));
        g.set(intern("implementation"), Value::str("tulip"));
        let modules = Value::dict(super::dict::Dict::new());
        g.set(intern("modules"), modules);
        g.set(intern("path"), Value::list(vec![]));
    }
    m
}

fn sys_exit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let code = args.pos.first().cloned().unwrap_or(Value::None);
    let args = if code.is_none() { vec![] } else { vec![code] };
    Err(vm.err_with(&vm.types.system_exit.clone(), args))
}

fn sys_getrecursionlimit(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(vm.recursion_limit as i64))
}

fn sys_setrecursionlimit(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("setrecursionlimit() takes exactly one argument (0 given)"));
    };
    let n = match v {
        Value::Int(n) => *n,
        other => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            )))
        }
    };
    if n < 1 {
        return Err(vm.value_error("recursion limit must be greater or equal than 1"));
    }
    if (n as usize) <= vm.frames.len() {
        return Err(vm.err(
            &vm.types.recursion_error.clone(),
            format!(
                "cannot set the recursion limit to {} at the recursion depth {}: the limit is too low",
                n,
                vm.frames.len()
            ),
        ));
    }
    // The VM's frames live on the heap; cap at a size that still fits comfortably in memory.
    vm.recursion_limit = (n as usize).min(1_000_000);
    Ok(Value::None)
}

fn sys_exc_info(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    match vm.handled_exception() {
        Some(e) => {
            let cls = Value::Class(vm.class_of(&e));
            let tb = vm
                .get_attr_opt(&e, intern("__traceback__"))?
                .unwrap_or(Value::None);
            Ok(Value::tuple(vec![cls, e, tb]))
        }
        None => Ok(Value::tuple(vec![Value::None, Value::None, Value::None])),
    }
}

fn sys_exception(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(vm.handled_exception().unwrap_or(Value::None))
}

fn sys_getsizeof(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let n = match args.pos.first() {
        Some(v) => 48 + 8 * vm.len(v).unwrap_or(0) as i64,
        None => 0,
    };
    Ok(Value::Int(n))
}

fn sys_intern(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

// ----- time --------------------------------------------------------------------------------

fn time_time(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::float(vm.clock.wall()))
}

fn time_monotonic(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::float(vm.clock.now() + 1000.0))
}

fn time_time_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int((vm.clock.wall() * 1e9) as i64))
}

fn time_monotonic_ns(vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::Int(((vm.clock.now() + 1000.0) * 1e9) as i64))
}

fn time_sleep(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(v) = args.pos.first() else {
        return Err(vm.type_error("time.sleep() takes exactly one argument (0 given)"));
    };
    let not_a_number = |vm: &Vm| {
        vm.type_error(format!(
            "'{}' object cannot be interpreted as an integer",
            vm.type_name(v)
        ))
    };
    // Strings and bytes are not durations (`float()` would parse them).
    if matches!(v, Value::Str(_) | Value::Bytes(_)) {
        return Err(not_a_number(vm));
    }
    let secs = super::builtins::to_float(vm, v).map_err(|_| not_a_number(vm))?;
    if secs.is_nan() {
        return Err(vm.value_error("Invalid value NaN (not a number)"));
    }
    // CPython counts the time in nanoseconds in an i64, before it looks at the sign: an int
    // beyond that is "too large", a float (rounded away from zero) "out of range".
    let out_of_range = match v {
        Value::Int(i) => i.checked_mul(1_000_000_000).is_none(),
        Value::BigInt(_) => true,
        Value::Bool(_) => false,
        _ => {
            let ns = secs * 1e9;
            let ns = if ns < 0.0 { ns.floor() } else { ns.ceil() };
            !(-9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0).contains(&ns)
        }
    };
    if out_of_range {
        let message = match v {
            Value::Int(_) | Value::BigInt(_) => "timestamp too large to convert to C _PyTime_t",
            _ => "timestamp out of range for platform time_t",
        };
        return Err(vm.overflow_error(message));
    }
    if secs < 0.0 {
        return Err(vm.value_error("sleep length must be non-negative"));
    }
    crate::asyncio::note_blocking_sleep(vm, secs);
    vm.wait_within_budget(secs)?;
    vm.out.flush();
    vm.clock.sleep(secs);
    Ok(Value::None)
}

// ----- struct sequences (`time.struct_time`, `sys.version_info`) ---------------------------

/// A named-tuple-like class: a `tuple` subclass whose fields are read-only properties.
fn structseq_class(
    vm: &Vm,
    module: &str,
    name: &str,
    fields: &[&'static str],
) -> Rc<crate::vm::object::Class> {
    use crate::vm::object::{BoxedKind, Instance, Layout, Payload, Property};
    let cls = super::types::new_class(
        name,
        module,
        vec![vm.types.tuple.clone()],
        Layout::Boxed(BoxedKind::Tuple),
        true,
    );
    for (i, field) in fields.iter().enumerate() {
        let fget = Value::Builtin(Rc::new(crate::vm::object::Builtin {
            name: field,
            owner: Some("structseq"),
            func: structseq_field,
            data: Value::Int(i as i64),
            fast: None,
        }));
        let prop = Instance::new(
            vm.types.property.clone(),
            Payload::Property(Box::new(Property {
                fget,
                fset: Value::None,
                fdel: Value::None,
                doc: Value::None,
            })),
        );
        cls.dict
            .borrow_mut()
            .insert(intern(field), Value::Instance(Rc::new(prop)));
    }
    let names = Value::tuple(fields.iter().map(|f| Value::str(f)).collect());
    let repr = Value::Builtin(Rc::new(crate::vm::object::Builtin {
        name: "__repr__",
        owner: Some("structseq"),
        func: structseq_repr,
        data: names,
        fast: None,
    }));
    cls.dict.borrow_mut().insert(intern("__repr__"), repr);
    cls
}

/// An instance of a struct sequence class holding `items` (extra attributes go in its dict).
fn structseq_new(
    cls: &Rc<crate::vm::object::Class>,
    items: Vec<Value>,
    extra: &[(&str, Value)],
) -> Value {
    use crate::vm::object::{Instance, Payload};
    let inst = Instance::new(cls.clone(), Payload::boxed(Value::tuple(items)));
    for (k, v) in extra {
        inst.dict.borrow_mut().insert(intern(k), v.clone());
    }
    Value::Instance(Rc::new(inst))
}

fn structseq_items(v: &Value) -> Option<Rc<Vec<Value>>> {
    match v {
        Value::Tuple(t) => Some(t.clone()),
        Value::Instance(i) => match &i.payload {
            crate::vm::object::Payload::Boxed(b) => match &*b.borrow() {
                Value::Tuple(t) => Some(t.clone()),
                _ => None,
            },
            _ => None,
        },
        _ => None,
    }
}

fn structseq_field(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(items), Value::Int(i)) = (args.pos.first().and_then(structseq_items), args.data)
    else {
        return Err(vm.type_error("descriptor requires a struct sequence"));
    };
    Ok(items.get(*i as usize).cloned().unwrap_or(Value::None))
}

fn structseq_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(this) = args.pos.first() else {
        return Err(vm.type_error("descriptor '__repr__' needs an argument"));
    };
    let items = structseq_items(this).unwrap_or_default();
    let cls = vm.class_of(this);
    let Value::Tuple(names) = args.data else {
        return Err(vm.type_error("bad struct sequence"));
    };
    let mut parts = Vec::with_capacity(items.len());
    for (name, v) in names.iter().zip(items.iter()) {
        parts.push(format!("{}={}", vm.to_str(name)?, vm.repr(v)?));
    }
    Ok(Value::string(format!(
        "{}.{}({})",
        cls.module,
        cls.name,
        parts.join(", ")
    )))
}

// ----- time (continued) ----------------------------------------------------------------------

const STRUCT_TIME_FIELDS: &[&str] = &[
    "tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec", "tm_wday", "tm_yday", "tm_isdst",
];

/// Broken-down time: year, month, day, hour, minute, second, weekday (Mon=0), yearday (1-based),
/// isdst. The machine's zone is taken to be UTC (as on the reference machine), so `localtime`
/// and `gmtime` differ only in the zone name.
type Tm = [i64; 9];

fn struct_time_value(vm: &mut Vm, tm: &Tm, zone: &str) -> Value {
    let cls = match vm.modules.get("time") {
        Some(Value::Module(m)) => match m.globals.borrow().get(intern("struct_time")) {
            Some(Value::Class(c)) => Some(c.clone()),
            _ => None,
        },
        _ => None,
    };
    let cls = cls.unwrap_or_else(|| structseq_class(vm, "time", "struct_time", STRUCT_TIME_FIELDS));
    structseq_new(
        &cls,
        tm.iter().map(|&x| Value::Int(x)).collect(),
        &[("tm_zone", Value::str(zone)), ("tm_gmtoff", Value::Int(0))],
    )
}

/// Seconds since the epoch from an optional argument (`None`/missing = now).
fn epoch_seconds(vm: &mut Vm, v: Option<&Value>) -> PyResult<i64> {
    match v {
        None | Some(Value::None) => Ok(vm.clock.wall().floor() as i64),
        Some(Value::Float(f)) => {
            let f = f.get();
            if !f.is_finite() {
                return Err(vm.overflow_error("timestamp out of range for platform time_t"));
            }
            Ok(f.trunc() as i64)
        }
        Some(other) => match vm.index_of(other)? {
            Some(i) => Ok(i),
            None => Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(other)
            ))),
        },
    }
}

fn time_gmtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = epoch_seconds(vm, args.pos.first())?;
    let f = civil_from_unix(t);
    let tm = [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], 0];
    Ok(struct_time_value(vm, &tm, "GMT"))
}

fn time_localtime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = epoch_seconds(vm, args.pos.first())?;
    let f = civil_from_unix(t);
    let tm = [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], 0];
    Ok(struct_time_value(vm, &tm, "UTC"))
}

/// A 9-field time tuple (or struct_time) argument, checked as CPython's `gettmarg` and
/// `checktm` do for `strftime`/`asctime`/`mktime`.
fn time_tuple(vm: &mut Vm, v: &Value, fname: &str, check: bool) -> PyResult<Tm> {
    let Some(items) = structseq_items(v) else {
        return Err(vm.type_error("Tuple or struct_time argument required"));
    };
    if items.len() != 9 {
        return Err(vm.type_error(format!("{fname}(): illegal time tuple argument")));
    }
    let mut tm = [0i64; 9];
    for (i, item) in items.iter().enumerate() {
        tm[i] = match vm.index_of(item)? {
            Some(x) => x,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(item)
                )))
            }
        };
    }
    if check {
        // CPython normalises zero month/day/yearday to 1 and checks the ranges.
        if tm[1] == 0 {
            tm[1] = 1;
        }
        if tm[2] == 0 {
            tm[2] = 1;
        }
        if tm[7] == 0 {
            tm[7] = 1;
        }
        let checks: [(usize, i64, i64, &str); 7] = [
            (1, 1, 12, "month out of range"),
            (2, 1, 31, "day of month out of range"),
            (3, 0, 23, "hour out of range"),
            (4, 0, 59, "minute out of range"),
            (5, 0, 61, "seconds out of range"),
            (7, 1, 366, "day of year out of range"),
            (6, 0, i64::MAX, "day of week out of range"),
        ];
        for (i, lo, hi, msg) in checks {
            if tm[i] < lo || tm[i] > hi {
                return Err(vm.value_error(msg));
            }
        }
        tm[6] %= 7;
        tm[8] = tm[8].clamp(-1, 1);
    }
    Ok(tm)
}

fn time_strftime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let fmt = match args.pos.first() {
        Some(Value::Str(s)) => s.clone(),
        Some(other) => {
            return Err(vm.type_error(format!(
                "strftime() argument 1 must be str, not {}",
                vm.type_name(other)
            )))
        }
        None => return Err(vm.type_error("strftime() takes at least 1 argument (0 given)")),
    };
    let (tm, zone) = match args.pos.get(1) {
        Some(t) => {
            let zone = match t {
                Value::Instance(i) => match i.dict.borrow().get(&intern("tm_zone")) {
                    Some(Value::Str(z)) => z.as_str().to_string(),
                    _ => "UTC".to_string(),
                },
                _ => "UTC".to_string(),
            };
            (time_tuple(vm, t, "strftime", true)?, zone)
        }
        None => {
            let f = civil_from_unix(vm.clock.wall().floor() as i64);
            (
                [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], 0],
                "UTC".to_string(),
            )
        }
    };
    Ok(Value::string(strftime(fmt.as_str(), &tm, &zone)))
}

fn time_asctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let tm = match args.pos.first() {
        Some(t) => time_tuple(vm, t, "asctime", true)?,
        None => {
            let f = civil_from_unix(vm.clock.wall().floor() as i64);
            [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], 0]
        }
    };
    Ok(Value::string(strftime("%a %b %e %H:%M:%S %Y", &tm, "UTC")))
}

fn time_ctime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let t = epoch_seconds(vm, args.pos.first())?;
    let f = civil_from_unix(t);
    let tm = [f[0], f[1], f[2], f[3], f[4], f[5], f[6], f[7], 0];
    Ok(Value::string(strftime("%a %b %e %H:%M:%S %Y", &tm, "UTC")))
}

/// Days since 1970-01-01 of a proleptic Gregorian date (month may be out of 1..=12).
fn days_from_civil(y: i64, m: i64, d: i64) -> i64 {
    let y = y + (m - 1).div_euclid(12);
    let m = (m - 1).rem_euclid(12) + 1;
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146097 + doe - 719468
}

fn time_mktime(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(t) = args.pos.first() else {
        return Err(vm.type_error("time.mktime() takes exactly one argument (0 given)"));
    };
    let tm = time_tuple(vm, t, "mktime", false)?;
    let days = days_from_civil(tm[0], tm[1], tm[2]);
    let secs = days * 86400 + tm[3] * 3600 + tm[4] * 60 + tm[5];
    Ok(Value::float(secs as f64))
}

/// (year, month, day, hour, minute, second, weekday Mon=0, yearday 1-based) in UTC.
fn civil_from_unix(t: i64) -> [i64; 8] {
    let days = t.div_euclid(86400);
    let secs = t.rem_euclid(86400);
    let z = days + 719468;
    let era = z.div_euclid(146097);
    let doe = z - era * 146097;
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    let y = if m <= 2 { y + 1 } else { y };
    let weekday = (days + 3).rem_euclid(7);
    let is_leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let cum = [0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
    let yday = cum[(m - 1) as usize] + d + if is_leap && m > 2 { 1 } else { 0 };
    [
        y,
        m,
        d,
        secs / 3600,
        (secs / 60) % 60,
        secs % 60,
        weekday,
        yday,
    ]
}

/// ISO 8601 year and week of a date given by year, yearday (1-based) and weekday (Mon=0).
fn iso_week(year: i64, yday: i64, wday: i64) -> (i64, i64) {
    let is_leap = |y: i64| (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let week = (yday - 1 - wday + 10) / 7;
    if week < 1 {
        let prev = year - 1;
        let prev_days = if is_leap(prev) { 366 } else { 365 };
        return iso_week(prev, yday + prev_days, wday);
    }
    let days = if is_leap(year) { 366 } else { 365 };
    if week == 53 && yday - wday + 3 > days {
        return (year + 1, 1);
    }
    (year, week)
}

/// glibc's `strftime` in the C locale, for the fields of `tm`.
fn strftime(fmt: &str, f: &Tm, zone: &str) -> String {
    const DAYS: [&str; 7] = [
        "Monday",
        "Tuesday",
        "Wednesday",
        "Thursday",
        "Friday",
        "Saturday",
        "Sunday",
    ];
    const MONTHS: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let day = |w: i64| DAYS[w.rem_euclid(7) as usize];
    let month = |m: i64| MONTHS[(m - 1).clamp(0, 11) as usize];
    let hour12 = if f[3] % 12 == 0 { 12 } else { f[3] % 12 };
    let mut out = String::new();
    let mut chars = fmt.chars();
    while let Some(c) = chars.next() {
        if c != '%' {
            out.push(c);
            continue;
        }
        match chars.next() {
            Some('Y') => out.push_str(&f[0].to_string()),
            Some('y') => out.push_str(&format!("{:02}", f[0].rem_euclid(100))),
            Some('C') => out.push_str(&format!("{:02}", f[0].div_euclid(100))),
            Some('m') => out.push_str(&format!("{:02}", f[1])),
            Some('d') => out.push_str(&format!("{:02}", f[2])),
            Some('e') => out.push_str(&format!("{:2}", f[2])),
            Some('H') => out.push_str(&format!("{:02}", f[3])),
            Some('k') => out.push_str(&format!("{:2}", f[3])),
            Some('I') => out.push_str(&format!("{:02}", hour12)),
            Some('l') => out.push_str(&format!("{:2}", hour12)),
            Some('M') => out.push_str(&format!("{:02}", f[4])),
            Some('S') => out.push_str(&format!("{:02}", f[5])),
            Some('p') => out.push_str(if f[3] < 12 { "AM" } else { "PM" }),
            Some('P') => out.push_str(if f[3] < 12 { "am" } else { "pm" }),
            Some('A') => out.push_str(day(f[6])),
            Some('a') => out.push_str(&day(f[6])[..3]),
            Some('B') => out.push_str(month(f[1])),
            Some('b') | Some('h') => out.push_str(&month(f[1])[..3]),
            Some('j') => out.push_str(&format!("{:03}", f[7])),
            Some('w') => out.push_str(&((f[6] + 1) % 7).to_string()),
            Some('u') => out.push_str(&(f[6] + 1).to_string()),
            Some('U') => out.push_str(&format!("{:02}", (f[7] - 1 + 7 - (f[6] + 1) % 7) / 7)),
            Some('W') => out.push_str(&format!("{:02}", (f[7] - 1 + 7 - f[6]) / 7)),
            Some('V') => out.push_str(&format!("{:02}", iso_week(f[0], f[7], f[6]).1)),
            Some('G') => out.push_str(&iso_week(f[0], f[7], f[6]).0.to_string()),
            Some('g') => out.push_str(&format!(
                "{:02}",
                iso_week(f[0], f[7], f[6]).0.rem_euclid(100)
            )),
            Some('D') | Some('x') => out.push_str(&strftime("%m/%d/%y", f, zone)),
            Some('T') | Some('X') => out.push_str(&strftime("%H:%M:%S", f, zone)),
            Some('F') => out.push_str(&strftime("%Y-%m-%d", f, zone)),
            Some('R') => out.push_str(&strftime("%H:%M", f, zone)),
            Some('r') => out.push_str(&strftime("%I:%M:%S %p", f, zone)),
            Some('c') => out.push_str(&strftime("%a %b %e %H:%M:%S %Y", f, zone)),
            Some('Z') => out.push_str(zone),
            Some('z') => out.push_str("+0000"),
            Some('s') => {
                let secs =
                    days_from_civil(f[0], f[1], f[2]) * 86400 + f[3] * 3600 + f[4] * 60 + f[5];
                out.push_str(&secs.to_string());
            }
            Some('n') => out.push('\n'),
            Some('t') => out.push('\t'),
            Some('%') => out.push('%'),
            Some(other) => {
                out.push('%');
                out.push(other);
            }
            None => out.push('%'),
        }
    }
    out
}

fn make_time(vm: &mut Vm) -> Rc<Module> {
    let m = new_module("time");
    add_functions(
        &m,
        "time",
        &[
            ("time", time_time),
            ("monotonic", time_monotonic),
            ("perf_counter", time_monotonic),
            ("process_time", time_monotonic),
            ("thread_time", time_monotonic),
            ("time_ns", time_time_ns),
            ("monotonic_ns", time_monotonic_ns),
            ("perf_counter_ns", time_monotonic_ns),
            ("process_time_ns", time_monotonic_ns),
            ("sleep", time_sleep),
            ("strftime", time_strftime),
            ("gmtime", time_gmtime),
            ("localtime", time_localtime),
            ("mktime", time_mktime),
            ("asctime", time_asctime),
            ("ctime", time_ctime),
        ],
    );
    {
        let mut g = m.globals.borrow_mut();
        let cls = structseq_class(vm, "time", "struct_time", STRUCT_TIME_FIELDS);
        g.set(intern("struct_time"), Value::Class(cls));
        g.set(intern("timezone"), Value::Int(0));
        g.set(intern("altzone"), Value::Int(0));
        g.set(intern("daylight"), Value::Int(0));
        g.set(
            intern("tzname"),
            Value::tuple(vec![Value::str("UTC"), Value::str("UTC")]),
        );
    }
    m
}

// ----- random ------------------------------------------------------------------------------

/// The generators behind `random`: the module's own (the hidden instance CPython's module
/// functions are bound to) and one per `random.Random` object, keyed by the object's address
/// (a new object always reseeds its entry, so a reused address never sees stale state).
#[derive(Default)]
pub struct RandomState {
    pub rng: Option<super::random_core::Random>,
    pub instances: rustc_hash::FxHashMap<usize, super::random_core::Random>,
}

impl RandomState {
    pub fn new() -> RandomState {
        RandomState::default()
    }
}

/// Which generator a call uses: the module's, or a `Random` instance's.
#[derive(Clone, Copy)]
enum Gen {
    Module,
    Instance(usize),
}

fn rng_for(vm: &mut Vm, g: Gen) -> &mut super::random_core::Random {
    match g {
        Gen::Module => vm
            .random
            .rng
            .get_or_insert_with(super::random_core::Random::from_time_and_pid_free_entropy),
        Gen::Instance(p) => vm
            .random
            .instances
            .entry(p)
            .or_insert_with(super::random_core::Random::from_time_and_pid_free_entropy),
    }
}

/// Arguments of a random function without the receiver.
struct RArgs<'a> {
    pos: &'a [Value],
    kw: &'a [(Symbol, Value)],
}

impl RArgs<'_> {
    fn get(&self, i: usize, name: &str) -> Option<Value> {
        self.pos.get(i).cloned().or_else(|| {
            self.kw
                .iter()
                .find(|(k, _)| k.as_str() == name)
                .map(|(_, v)| v.clone())
        })
    }
}

fn to_seed(vm: &mut Vm, g: Gen, a: &Value) -> PyResult<()> {
    match a {
        Value::None => rng_for(vm, g).seed(Seed::None),
        Value::Int(_) | Value::BigInt(_) | Value::Bool(_) => {
            let b = super::num::to_big(a).unwrap_or_default();
            rng_for(vm, g).seed(Seed::Int(&b));
        }
        Value::Float(f) => rng_for(vm, g).seed(Seed::Float(f.get())),
        Value::Str(s) => {
            let s = s.clone();
            rng_for(vm, g).seed(Seed::Str(s.as_str()));
        }
        Value::Bytes(b) => {
            let b = b.clone();
            rng_for(vm, g).seed(Seed::Bytes(&b));
        }
        _ => {
            return Err(vm.type_error(
                "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.",
            ))
        }
    }
    Ok(())
}

fn r_seed(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let seed = a.get(0, "a").unwrap_or(Value::None);
    to_seed(vm, g, &seed)?;
    Ok(Value::None)
}

fn r_random(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    if !a.pos.is_empty() {
        return Err(vm.type_error(format!(
            "random() takes no arguments ({} given)",
            a.pos.len()
        )));
    }
    Ok(Value::float(rng_for(vm, g).random()))
}

thread_local! {
    /// (file, line, message) of warnings already shown: the default filter shows each once.
    static WARNED: RefCell<std::collections::HashSet<(String, usize, &'static str)>> =
        RefCell::new(std::collections::HashSet::new());
}

/// `warnings.warn(msg, DeprecationWarning, stacklevel=2 + frames_up)` from a builtin called
/// by Python code (`frames_up` Python frames further out): shown once per location, and only
/// when that code is in `__main__` (the default filters ignore DeprecationWarning elsewhere).
pub(crate) fn deprecation_warning(vm: &mut Vm, frames_up: usize, msg: &'static str) {
    let Some(frame) = vm.frames.iter().rev().nth(frames_up) else {
        return;
    };
    if frame.globals.name != "__main__" {
        return;
    }
    let code = frame.code.clone();
    let line = code.line_of(frame.current_pc());
    let file = code.file.name.clone();
    let fresh = WARNED.with(|w| w.borrow_mut().insert((file.clone(), line, msg)));
    if !fresh {
        return;
    }
    let mut text = format!("{file}:{line}: DeprecationWarning: {msg}\n");
    let src = code.file.line_text(line).trim();
    if !src.is_empty() {
        text.push_str(&format!("  {src}\n"));
    }
    vm.write_stderr(&text);
}

/// A `randrange` argument as CPython 3.11's `random.randrange` converts it: `__index__`, else
/// `int(x)` with a DeprecationWarning (and a ValueError when `int(x) != x`).
fn randrange_arg(vm: &mut Vm, v: &Value, what: &str, warn: bool) -> PyResult<BigInt> {
    if let Value::BigInt(b) = v {
        return Ok((**b).clone());
    }
    if let Some(i) = vm.index_of(v)? {
        return Ok(BigInt::from(i));
    }
    let as_int = super::builtins::to_int(vm, v)?;
    let same = vm.eq(&as_int, v)?;
    if !same {
        if warn {
            deprecation_warning(vm, 0, "randrange() will raise TypeError in the future");
        }
        return Err(vm.value_error(format!("non-integer {what} for randrange()")));
    }
    if warn {
        deprecation_warning(
            vm,
            0,
            "non-integer arguments to randrange() have been deprecated since Python 3.10 and will be removed in a subsequent version",
        );
    }
    Ok(super::num::to_big(&as_int).unwrap_or_default())
}

fn r_randint(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let (Some(lo), Some(hi)) = (a.get(0, "a"), a.get(1, "b")) else {
        let missing = if a.pos.is_empty() {
            "s: 'a' and 'b'"
        } else {
            ": 'b'"
        };
        return Err(vm.type_error(format!(
            "Random.randint() missing {} required positional argument{missing}",
            2 - a.pos.len().min(2),
        )));
    };
    // `randint(a, b)` is `randrange(a, b + 1)`; its warnings belong to random.py (not shown).
    let lo = randrange_arg(vm, &lo, "arg 1", false)?;
    let hi_plus = vm.binary_op(crate::syntax::ast::BinOp::Add, &hi, &Value::Int(1))?;
    let hi = randrange_arg(vm, &hi_plus, "stop", false)? - 1;
    match rng_for(vm, g).randint(&lo, &hi) {
        Ok(v) => Ok(Value::from_bigint(v)),
        Err(e) => Err(vm.numfmt_error(e)),
    }
}

fn r_randrange(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let start = match a.get(0, "start") {
        Some(v) => randrange_arg(vm, &v, "arg 1", true)?,
        None => {
            return Err(
                vm.type_error("Random.randrange() missing 1 required positional argument: 'start'")
            )
        }
    };
    let stop_arg = a.get(1, "stop");
    let step_arg = a.get(2, "step");
    if matches!(stop_arg, Some(Value::None) | None) && step_arg.is_some() {
        return Err(vm.type_error("Missing a non-None stop argument"));
    }
    let stop = match stop_arg {
        Some(Value::None) | None => None,
        Some(v) => Some(randrange_arg(vm, &v, "stop", true)?),
    };
    let step = match step_arg {
        Some(v) => randrange_arg(vm, &v, "step", true)?,
        None => BigInt::from(1),
    };
    match rng_for(vm, g).randrange(&start, stop.as_ref(), &step) {
        Ok(v) => Ok(Value::from_bigint(v)),
        Err(e) => Err(vm.numfmt_error(e)),
    }
}

fn float_param(vm: &mut Vm, v: Option<Value>, default: f64) -> PyResult<f64> {
    match v {
        Some(v) => super::builtins::to_float(vm, &v),
        None => Ok(default),
    }
}

fn r_uniform(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let (Some(lo), Some(hi)) = (a.get(0, "a"), a.get(1, "b")) else {
        return Err(vm.type_error(format!(
            "Random.uniform() missing {} required positional argument{}",
            2 - a.pos.len().min(2),
            if a.pos.is_empty() {
                "s: 'a' and 'b'"
            } else {
                ": 'b'"
            }
        )));
    };
    let lo = super::builtins::to_float(vm, &lo)?;
    let hi = super::builtins::to_float(vm, &hi)?;
    Ok(Value::float(rng_for(vm, g).uniform(lo, hi)))
}

fn r_triangular(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let low = float_param(vm, a.get(0, "low"), 0.0)?;
    let high = float_param(vm, a.get(1, "high"), 1.0)?;
    let mode = match a.get(2, "mode") {
        Some(Value::None) | None => None,
        Some(v) => Some(super::builtins::to_float(vm, &v)?),
    };
    Ok(Value::float(rng_for(vm, g).triangular(low, high, mode)))
}

fn r_choice(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let Some(seq) = a.get(0, "seq") else {
        return Err(vm.type_error("Random.choice() missing 1 required positional argument: 'seq'"));
    };
    let n = vm.len(&seq)?;
    let i = rng_for(vm, g)
        .choice_index(n)
        .map_err(|e| vm.numfmt_error(e))?;
    vm.get_item(&seq, &Value::Int(i as i64))
}

fn r_shuffle(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let Some(x) = a.get(0, "x") else {
        return Err(vm.type_error("Random.shuffle() missing 1 required positional argument: 'x'"));
    };
    if let Value::List(l) = &x {
        let l = l.clone();
        let mut items = std::mem::take(&mut *l.borrow_mut());
        rng_for(vm, g).shuffle(&mut items);
        *l.borrow_mut() = items;
        return Ok(Value::None);
    }
    // Any mutable sequence: swap through `__getitem__`/`__setitem__`, as CPython does.
    let n = vm.len(&x)?;
    for i in (1..n).rev() {
        let j = rng_for(vm, g).randbelow_u64(i as u64 + 1) as i64;
        let (xi, xj) = (
            vm.get_item(&x, &Value::Int(i as i64))?,
            vm.get_item(&x, &Value::Int(j))?,
        );
        vm.set_item(&x, Value::Int(i as i64), xj)?;
        vm.set_item(&x, Value::Int(j), xi)?;
    }
    Ok(Value::None)
}

fn r_sample(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let (Some(pop), Some(k)) = (a.get(0, "population"), a.get(1, "k")) else {
        return Err(vm.type_error(format!(
            "Random.sample() missing {} required positional argument{}",
            2 - a.pos.len().min(2),
            if a.pos.is_empty() {
                "s: 'population' and 'k'"
            } else {
                ": 'k'"
            }
        )));
    };
    if matches!(pop, Value::Set(_) | Value::FrozenSet(_) | Value::Dict(_)) {
        return Err(
            vm.type_error("Population must be a sequence.  For dicts or sets, use sorted(d).")
        );
    }
    let items = vm.collect(&pop)?;
    let k = match vm.index_of(&k)? {
        Some(k) => k,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&k)
            )))
        }
    };
    let idx = rng_for(vm, g)
        .sample_indices(items.len(), k)
        .map_err(|e| vm.numfmt_error(e))?;
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn float_list(vm: &mut Vm, v: &Value) -> PyResult<Vec<f64>> {
    let ws = vm.collect(v)?;
    let mut out = Vec::with_capacity(ws.len());
    for x in ws {
        out.push(super::builtins::to_float(vm, &x)?);
    }
    Ok(out)
}

fn r_choices(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let Some(pop) = a.get(0, "population") else {
        return Err(
            vm.type_error("Random.choices() missing 1 required positional argument: 'population'")
        );
    };
    let items = vm.collect(&pop)?;
    let weights = match a.get(1, "weights") {
        Some(Value::None) | None => None,
        Some(w) => Some(float_list(vm, &w)?),
    };
    let cum = match a.get(2, "cum_weights") {
        Some(Value::None) | None => None,
        Some(w) => Some(float_list(vm, &w)?),
    };
    let k = match a.get(3, "k") {
        Some(v) => match vm.index_of(&v)? {
            Some(k) => k,
            None => {
                return Err(vm.type_error(format!(
                    "'{}' object cannot be interpreted as an integer",
                    vm.type_name(&v)
                )))
            }
        },
        None => 1,
    };
    let idx = match (weights, cum) {
        (Some(w), None) => rng_for(vm, g)
            .choices_weighted(items.len(), &w, k)
            .map_err(|e| vm.numfmt_error(e))?,
        (None, Some(c)) => rng_for(vm, g)
            .choices_cum_weights(items.len(), &c, k)
            .map_err(|e| vm.numfmt_error(e))?,
        (Some(_), Some(_)) => {
            return Err(vm.type_error("Cannot specify both weights and cumulative weights"))
        }
        (None, None) => rng_for(vm, g).choices_indices(items.len(), k),
    };
    if items.is_empty() && !idx.is_empty() {
        return Err(vm.index_error("list index out of range"));
    }
    Ok(Value::list(
        idx.into_iter().map(|i| items[i].clone()).collect(),
    ))
}

fn r_gauss(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let mu = float_param(vm, a.get(0, "mu"), 0.0)?;
    let sigma = float_param(vm, a.get(1, "sigma"), 1.0)?;
    Ok(Value::float(rng_for(vm, g).gauss(mu, sigma)))
}

fn r_normalvariate(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let mu = float_param(vm, a.get(0, "mu"), 0.0)?;
    let sigma = float_param(vm, a.get(1, "sigma"), 1.0)?;
    Ok(Value::float(rng_for(vm, g).normalvariate(mu, sigma)))
}

fn r_expovariate(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let lambd = float_param(vm, a.get(0, "lambd"), 1.0)?;
    if lambd == 0.0 {
        return Err(vm.zero_division("float division by zero"));
    }
    Ok(Value::float(rng_for(vm, g).expovariate(lambd)))
}

fn r_getrandbits(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let Some(k) = a.get(0, "k") else {
        return Err(vm.type_error("getrandbits() takes exactly one argument (0 given)"));
    };
    let k = match vm.index_of(&k)? {
        Some(k) => k,
        None => {
            return Err(vm.type_error(format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(&k)
            )))
        }
    };
    let b = rng_for(vm, g)
        .getrandbits(k)
        .map_err(|e| vm.numfmt_error(e))?;
    Ok(Value::from_bigint(BigInt::from(b)))
}

fn r_randbytes(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let n = match a.get(0, "n") {
        Some(v) => vm.index_of(&v)?.unwrap_or(0),
        None => {
            return Err(
                vm.type_error("Random.randbytes() missing 1 required positional argument: 'n'")
            )
        }
    };
    let b = rng_for(vm, g)
        .randbytes(n)
        .map_err(|e| vm.numfmt_error(e))?;
    Ok(Value::Bytes(Rc::new(b)))
}

/// `getstate()`: `(3, (624 words..., index), gauss_next)` as CPython returns it.
fn r_getstate(vm: &mut Vm, g: Gen, _a: RArgs) -> PyResult<Value> {
    let r = rng_for(vm, g);
    let gauss_next = r.gauss_next();
    let (words, index) = r.generator().state();
    let mut items: Vec<Value> = words.into_iter().map(|w| Value::Int(w as i64)).collect();
    items.push(Value::Int(index as i64));
    Ok(Value::tuple(vec![
        Value::Int(3),
        Value::tuple(items),
        gauss_next.map(Value::float).unwrap_or(Value::None),
    ]))
}

fn r_setstate(vm: &mut Vm, g: Gen, a: RArgs) -> PyResult<Value> {
    let Some(state) = a.get(0, "state") else {
        return Err(vm.type_error("setstate() missing 1 required positional argument: 'state'"));
    };
    let parts = vm.collect(&state)?;
    let version = parts.first().and_then(|v| match v {
        Value::Int(i) => Some(*i),
        _ => None,
    });
    if !matches!(version, Some(2 | 3)) || parts.len() != 3 {
        let shown = match parts.first() {
            Some(v) => vm.repr(v)?,
            None => "None".to_string(),
        };
        return Err(vm.value_error(format!(
            "state with version {shown} passed to Random.setstate() of version 3"
        )));
    }
    let words = vm.collect(&parts[1])?;
    let mut ints = Vec::with_capacity(words.len());
    for w in &words {
        match w {
            // Version 2 states (Python 2) may hold words outside 32 bits: CPython reduces them.
            Value::Int(i) if version == Some(2) => ints.push(i.rem_euclid(1 << 32)),
            Value::Int(i) if (0..=u32::MAX as i64).contains(i) => ints.push(*i),
            _ => return Err(vm.value_error("invalid state")),
        }
    }
    let Some(index) = ints.pop() else {
        return Err(vm.value_error("state vector is the wrong size"));
    };
    let words: Vec<u32> = ints.iter().map(|&w| w as u32).collect();
    let mt = super::random_core::MersenneTwister::from_state(&words, index as usize)
        .map_err(|e| vm.value_error(e))?;
    let gauss_next = match &parts[2] {
        Value::Float(f) => Some(f.get()),
        Value::Int(i) => Some(*i as f64),
        _ => None,
    };
    let r = rng_for(vm, g);
    *r.generator() = mt;
    r.set_gauss_next(gauss_next);
    Ok(Value::None)
}

type RandomFn = fn(&mut Vm, Gen, RArgs) -> PyResult<Value>;

/// The functions of `random` (module functions and `Random` methods alike).
const RANDOM_FUNCTIONS: &[(&str, RandomFn)] = &[
    ("seed", r_seed),
    ("random", r_random),
    ("randint", r_randint),
    ("randrange", r_randrange),
    ("uniform", r_uniform),
    ("triangular", r_triangular),
    ("choice", r_choice),
    ("shuffle", r_shuffle),
    ("sample", r_sample),
    ("choices", r_choices),
    ("gauss", r_gauss),
    ("normalvariate", r_normalvariate),
    ("expovariate", r_expovariate),
    ("getrandbits", r_getrandbits),
    ("randbytes", r_randbytes),
    ("getstate", r_getstate),
    ("setstate", r_setstate),
];

/// A module function: `data` holds its index in `RANDOM_FUNCTIONS`.
fn random_module_fn(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Int(i) = args.data else {
        return Err(vm.type_error("bad random function"));
    };
    let f = RANDOM_FUNCTIONS[*i as usize].1;
    f(
        vm,
        Gen::Module,
        RArgs {
            pos: args.pos,
            kw: args.kw,
        },
    )
}

/// A `Random` method: the receiver picks the generator.
fn random_method(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Value::Int(i) = args.data else {
        return Err(vm.type_error("bad random method"));
    };
    let (name, f) = RANDOM_FUNCTIONS[*i as usize];
    let Some(Value::Instance(inst)) = args.pos.first() else {
        return Err(vm.type_error(format!(
            "descriptor '{name}' for 'Random' objects doesn't apply to this object"
        )));
    };
    let key = Rc::as_ptr(inst) as *const u8 as usize;
    f(
        vm,
        Gen::Instance(key),
        RArgs {
            pos: &args.pos[1..],
            kw: args.kw,
        },
    )
}

/// `Random(x=None).__init__`: a fresh generator for this object, seeded with `x`.
fn random_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Instance(inst)) = args.pos.first() else {
        return Err(vm.type_error("Random.__init__ needs an instance"));
    };
    if args.pos.len() > 2 {
        return Err(vm.type_error(format!(
            "Random() takes at most 1 argument ({} given)",
            args.pos.len() - 1
        )));
    }
    let key = Rc::as_ptr(inst) as *const u8 as usize;
    vm.random.instances.insert(
        key,
        super::random_core::Random::from_time_and_pid_free_entropy(),
    );
    let seed = args
        .pos
        .get(1)
        .cloned()
        .or_else(|| {
            args.kw
                .iter()
                .find(|(k, _)| k.as_str() == "x")
                .map(|(_, v)| v.clone())
        })
        .unwrap_or(Value::None);
    to_seed(vm, Gen::Instance(key), &seed)?;
    Ok(Value::None)
}

fn make_random(vm: &mut Vm) -> Rc<Module> {
    let m = new_module("random");
    let cls = super::class::new_user_class("Random", "random", vec![vm.types.object.clone()]);
    cls.set_attr(
        intern("__init__"),
        builtin_value("__init__", Some("Random"), random_init),
    );
    {
        let mut g = m.globals.borrow_mut();
        for (i, (name, _)) in RANDOM_FUNCTIONS.iter().enumerate() {
            let f = Value::Builtin(Rc::new(crate::vm::object::Builtin {
                name,
                owner: None,
                func: random_module_fn,
                data: Value::Int(i as i64),
                fast: None,
            }));
            g.set(intern(name), f);
            let method = Value::Builtin(Rc::new(crate::vm::object::Builtin {
                name,
                owner: Some("Random"),
                func: random_method,
                data: Value::Int(i as i64),
                fast: None,
            }));
            cls.set_attr(intern(name), method);
        }
        g.set(intern("Random"), Value::Class(cls));
    }
    m
}
