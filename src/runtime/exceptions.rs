//! Exception objects: `BaseException`'s constructor, `str`/`repr`, attributes (`args`,
//! `__cause__`, `__context__`, `StopIteration.value`, ...), and `ExceptionGroup` with the
//! splitting that `except*` relies on.

use std::rc::Rc;

use crate::vm::object::{Args, BuiltinFn, Instance};
use crate::vm::symbol::{intern, Symbol};
use crate::vm::value::Value;
use crate::vm::{PyErr, PyResult, Vm};

pub const BASE_EXCEPTION_METHODS: &[(&str, BuiltinFn)] = &[
    ("__new__", exception_new),
    ("__init__", exception_init),
    ("__str__", exception_str),
    ("__repr__", exception_repr),
    ("with_traceback", exception_with_traceback),
    ("add_note", exception_add_note),
];

pub const EXCEPTION_GROUP_METHODS: &[(&str, BuiltinFn)] = &[
    ("__new__", exception_group_new),
    ("__init__", exception_group_init),
    ("__str__", exception_group_str),
    ("split", exception_group_split),
    ("subgroup", exception_group_subgroup),
    ("derive", exception_group_derive),
];

fn data_of(v: &Value) -> Option<&Rc<Instance>> {
    match v {
        Value::Instance(i) if i.exception_data().is_some() => Some(i),
        _ => None,
    }
}

fn exception_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(cls)) => {
            let mut cls = cls.clone();
            let rest = &args.pos[1..];
            // `OSError(errno, strerror)` picks the subclass for the errno, as CPython does.
            if Rc::ptr_eq(&cls, &os_error(vm)) && (2..=5).contains(&rest.len()) {
                if let Value::Int(errno) = rest[0] {
                    if let Some(sub) =
                        errno_subclass(errno).and_then(|n| vm.types.exception_by_name(n))
                    {
                        cls = sub;
                    }
                }
            }
            let inst = vm.new_plain_instance(&cls, rest);
            if let Value::Instance(i) = &inst {
                init_os_error(vm, i, rest);
            }
            Ok(inst)
        }
        _ => Err(vm.type_error("BaseException.__new__(X): X is not a type object")),
    }
}

fn os_error(vm: &Vm) -> Rc<crate::vm::object::Class> {
    vm.types
        .exception_by_name("OSError")
        .unwrap_or_else(|| vm.types.exception.clone())
}

/// CPython's `errnomap` (Linux errno values).
fn errno_subclass(errno: i64) -> Option<&'static str> {
    Some(match errno {
        11 | 114 | 115 => "BlockingIOError",
        10 => "ChildProcessError",
        32 | 108 => "BrokenPipeError",
        103 => "ConnectionAbortedError",
        111 => "ConnectionRefusedError",
        104 => "ConnectionResetError",
        17 => "FileExistsError",
        2 => "FileNotFoundError",
        21 => "IsADirectoryError",
        20 => "NotADirectoryError",
        4 => "InterruptedError",
        1 | 13 => "PermissionError",
        3 => "ProcessLookupError",
        110 => "TimeoutError",
        _ => return None,
    })
}

/// `OSError(errno, strerror[, filename[, winerror[, filename2]]])` fills the named attributes
/// and keeps only `(errno, strerror)` as args.
fn init_os_error(vm: &Vm, inst: &Rc<Instance>, rest: &[Value]) {
    if !inst.class.is_subclass_of(&os_error(vm)) {
        return;
    }
    let none = Value::None;
    let (errno, strerror, filename, filename2) = if (2..=5).contains(&rest.len()) {
        (
            rest[0].clone(),
            rest[1].clone(),
            rest.get(2).cloned().unwrap_or(Value::None),
            rest.get(4).cloned().unwrap_or(Value::None),
        )
    } else {
        (none.clone(), none.clone(), none.clone(), none)
    };
    let has_filename = !filename.is_none();
    super::instdict::set(inst, intern("errno"), errno);
    super::instdict::set(inst, intern("strerror"), strerror);
    super::instdict::set(inst, intern("filename"), filename);
    super::instdict::set(inst, intern("filename2"), filename2);
    if has_filename {
        if let Some(d) = inst.exception_data() {
            d.borrow_mut().args.truncate(2);
        }
    }
}

fn exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(inst) = args.pos.first().and_then(data_of) {
        if let Some(d) = inst.exception_data() {
            d.borrow_mut().args = args.pos[1..].to_vec();
        }
        init_os_error(vm, inst, &args.pos[1..]);
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor '__init__' requires a 'BaseException' object"))
}

/// `str()` of an OSError with errno and strerror set: `[Errno 2] msg: 'file'`.
fn os_error_str(vm: &mut Vm, inst: &Rc<Instance>) -> PyResult<Option<String>> {
    if !inst.class.is_subclass_of(&os_error(vm)) {
        return Ok(None);
    }
    let get = |n: &str| super::instdict::get(inst, intern(n)).unwrap_or(Value::None);
    let (errno, strerror, filename, filename2) = (
        get("errno"),
        get("strerror"),
        get("filename"),
        get("filename2"),
    );
    if errno.is_none() || strerror.is_none() {
        return Ok(None);
    }
    let (e, s) = (vm.to_str(&errno)?, vm.to_str(&strerror)?);
    Ok(Some(if !filename.is_none() {
        if !filename2.is_none() {
            format!(
                "[Errno {e}] {s}: {} -> {}",
                vm.repr(&filename)?,
                vm.repr(&filename2)?
            )
        } else {
            format!("[Errno {e}] {s}: {}", vm.repr(&filename)?)
        }
    } else {
        format!("[Errno {e}] {s}")
    }))
}

pub fn exception_args(inst: &Instance) -> Vec<Value> {
    inst.exception_data()
        .map(|d| d.borrow().args.clone())
        .unwrap_or_default()
}

fn exception_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(inst) = args.pos.first().and_then(data_of) else {
        return Ok(Value::str(""));
    };
    if let Some(text) = os_error_str(vm, inst)? {
        return Ok(Value::string(text));
    }
    let a = exception_args(inst);
    let is_key_error = inst.class.is_subclass_of(&vm.types.key_error);
    Ok(Value::string(match a.len() {
        0 => String::new(),
        1 if is_key_error => vm.repr(&a[0])?,
        1 => vm.to_str(&a[0])?,
        _ => vm.repr(&Value::tuple(a))?,
    }))
}

fn exception_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(inst) = args.pos.first().and_then(data_of) else {
        return Ok(Value::str(""));
    };
    let a = exception_args(inst);
    let name = inst.class.name.clone();
    Ok(Value::string(match a.len() {
        1 => format!("{}({})", name, vm.repr(&a[0])?),
        _ => format!("{}{}", name, vm.repr(&Value::tuple(a))?),
    }))
}

fn exception_with_traceback(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    Ok(args.pos.first().cloned().unwrap_or(Value::None))
}

fn exception_add_note(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Instance(inst)), Some(note)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("add_note() takes exactly one argument"));
    };
    if !matches!(note, Value::Str(_)) {
        return Err(vm.type_error(format!("note must be a str, not '{}'", vm.type_name(note))));
    }
    let notes_sym = crate::vm::symbol::sym::NOTES;
    let existing = super::instdict::get(inst, notes_sym);
    match existing {
        Some(Value::List(l)) => l.borrow_mut().push(note.clone()),
        _ => super::instdict::set(inst, notes_sym, Value::list(vec![note.clone()])),
    }
    Ok(Value::None)
}

/// Attributes that exceptions compute from their native state.
pub fn exception_attr(vm: &mut Vm, inst: &Rc<Instance>, name: Symbol) -> PyResult<Option<Value>> {
    let Some(d) = inst.exception_data() else {
        return Ok(None);
    };
    let d = d.borrow();
    Ok(match name.as_str() {
        "args" => Some(Value::tuple(d.args.clone())),
        "__cause__" => Some(d.cause.clone().unwrap_or(Value::None)),
        "__context__" => Some(d.context.clone().unwrap_or(Value::None)),
        "__suppress_context__" => Some(Value::bool(d.suppress_context)),
        "__traceback__" => Some(traceback_object(vm, &d.traceback)),
        "value" if inst.class.is_subclass_of(&vm.types.stop_iteration) => {
            Some(d.args.first().cloned().unwrap_or(Value::None))
        }
        "code" if inst.class.is_subclass_of(&vm.types.system_exit) => Some(match d.args.len() {
            0 => Value::None,
            1 => d.args[0].clone(),
            _ => Value::tuple(d.args.clone()),
        }),
        "name" | "path" if inst.class.is_subclass_of(&vm.types.import_error) => Some(Value::None),
        "msg" if inst.class.is_subclass_of(&vm.types.import_error) => {
            Some(d.args.first().cloned().unwrap_or(Value::None))
        }
        "name" if inst.class.is_subclass_of(&vm.types.name_error) => Some(Value::None),
        "name" | "obj" if inst.class.is_subclass_of(&vm.types.attribute_error) => Some(Value::None),
        "errno" | "strerror" | "filename" | "filename2"
            if inst.class.is_subclass_of(&os_error(vm)) =>
        {
            Some(Value::None)
        }
        "message" if inst.class.is_subclass_of(&vm.types.base_exception_group) => {
            Some(d.args.first().cloned().unwrap_or(Value::str("")))
        }
        "exceptions" if inst.class.is_subclass_of(&vm.types.base_exception_group) => {
            Some(match d.args.get(1) {
                Some(Value::List(l)) => Value::tuple(l.borrow().clone()),
                Some(Value::Tuple(t)) => Value::Tuple(t.clone()),
                _ => Value::tuple(vec![]),
            })
        }
        _ => None,
    })
}

/// `exc.__traceback__`: a chain of `traceback` objects, outermost frame first (`tb_next`
/// goes inwards), or None before the exception was raised.
fn traceback_object(vm: &Vm, entries: &[crate::vm::object::TracebackEntry]) -> Value {
    let cls = vm.types.iterator_class("traceback");
    let mut next = Value::None;
    // Stored innermost first.
    for entry in entries.iter() {
        let tb = Instance::new(cls.clone(), crate::vm::object::Payload::Plain);
        {
            let mut d = tb.dict.borrow_mut();
            d.insert(intern("tb_next"), next);
            d.insert(
                intern("tb_lineno"),
                Value::Int(entry.code.line_of(entry.pc) as i64),
            );
            d.insert(intern("tb_lasti"), Value::Int(entry.pc as i64 * 2));
            d.insert(intern("tb_frame"), Value::None);
        }
        next = Value::Instance(Rc::new(tb));
    }
    next
}

/// Assignments to the attributes exceptions keep natively. `Ok(Some(()))` when handled.
pub fn set_exception_attr(
    vm: &mut Vm,
    inst: &Rc<Instance>,
    name: Symbol,
    value: &Value,
) -> PyResult<Option<()>> {
    let Some(d) = inst.exception_data() else {
        return Ok(None);
    };
    // `None`, or an exception instance (else CPython's TypeError naming the attribute).
    let as_exc = |vm: &Vm, v: &Value, what: &str| -> PyResult<Option<Value>> {
        match v {
            Value::None => Ok(None),
            Value::Instance(i) if i.exception_data().is_some() => Ok(Some(v.clone())),
            _ => Err(vm.type_error(format!(
                "exception {what} must be None or derive from BaseException"
            ))),
        }
    };
    match name.as_str() {
        "args" => {
            let items = vm.collect(value)?;
            d.borrow_mut().args = items;
        }
        "__cause__" => {
            let cause = as_exc(vm, value, "cause")?;
            let mut d = d.borrow_mut();
            d.cause = cause;
            d.suppress_context = true;
        }
        "__context__" => d.borrow_mut().context = as_exc(vm, value, "context")?,
        "__suppress_context__" => {
            let b = vm.truthy(value)?;
            d.borrow_mut().suppress_context = b;
        }
        "__traceback__" => {}
        _ => return Ok(None),
    }
    Ok(Some(()))
}

// ----- ExceptionGroup ----------------------------------------------------------------------

fn exception_group_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let Some(Value::Class(cls)) = args.pos.first() else {
        return Err(vm.type_error("BaseExceptionGroup.__new__(X): X is not a type object"));
    };
    let rest = &args.pos[1..];
    if rest.len() != 2 {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() takes exactly 2 arguments ({} given)",
            rest.len()
        )));
    }
    if !matches!(rest[0], Value::Str(_)) {
        return Err(vm.type_error(format!(
            "BaseExceptionGroup.__new__() argument 1 must be str, not {}",
            vm.type_name(&rest[0])
        )));
    }
    if !matches!(rest[1], Value::List(_) | Value::Tuple(_)) {
        return Err(vm.type_error("second argument (exceptions) must be a sequence"));
    }
    let excs = vm.collect(&rest[1])?;
    if excs.is_empty() {
        return Err(vm.value_error("second argument (exceptions) must be a non-empty sequence"));
    }
    let mut all_exceptions = true;
    for (i, e) in excs.iter().enumerate() {
        match data_of(e) {
            Some(inst) => {
                if !inst.class.is_subclass_of(&vm.types.exception) {
                    all_exceptions = false;
                }
            }
            None => {
                return Err(vm.value_error(format!(
                    "Item {i} of second argument (exceptions) is not an exception"
                )))
            }
        }
    }
    let mut cls = cls.clone();
    if Rc::ptr_eq(&cls, &vm.types.base_exception_group) && all_exceptions {
        cls = vm.types.exception_group.clone();
    } else if cls.is_subclass_of(&vm.types.exception) && !all_exceptions {
        return Err(vm.type_error(format!(
            "Cannot nest BaseExceptions in {}",
            if Rc::ptr_eq(&cls, &vm.types.exception_group) {
                "an ExceptionGroup".to_string()
            } else {
                format!("'{}'", cls.name)
            }
        )));
    }
    // `args` keeps the sequence as given (its repr shows a list as a list); `exceptions` is a
    // tuple.
    Ok(vm.new_plain_instance(&cls, &[rest[0].clone(), rest[1].clone()]))
}

fn exception_group_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn group_parts(v: &Value) -> (Value, Vec<Value>) {
    match data_of(v) {
        Some(inst) => {
            let a = exception_args(inst);
            let msg = a.first().cloned().unwrap_or(Value::str(""));
            let excs = match a.get(1) {
                Some(Value::Tuple(t)) => t.to_vec(),
                Some(Value::List(l)) => l.borrow().clone(),
                _ => vec![],
            };
            (msg, excs)
        }
        None => (Value::str(""), vec![]),
    }
}

/// The sub-exceptions of a group, in order.
pub fn group_exceptions(group: &Value) -> Vec<Value> {
    group_parts(group).1
}

fn exception_group_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let v = args.pos.first().cloned().unwrap_or(Value::None);
    let (msg, excs) = group_parts(&v);
    let msg = vm.to_str(&msg)?;
    let n = excs.len();
    Ok(Value::string(format!(
        "{msg} ({n} sub-exception{})",
        if n == 1 { "" } else { "s" }
    )))
}

/// A predicate for `split`/`subgroup`: an exception type, a tuple of types, a callable, or
/// (for `except*` re-raising) the identities of leaf exceptions.
enum Matcher {
    Types(Value),
    Callable(Value),
    Ids(Vec<usize>),
}

fn matcher(vm: &Vm, v: &Value) -> PyResult<Matcher> {
    Ok(match v {
        Value::Class(_) | Value::Tuple(_) => Matcher::Types(v.clone()),
        other if super::builtins::is_callable(vm, other) => Matcher::Callable(v.clone()),
        _ => {
            return Err(
                vm.type_error("expected a function, exception type or tuple of exception types")
            )
        }
    })
}

fn matches(vm: &mut Vm, m: &Matcher, exc: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => vm.exception_matches(exc, t),
        Matcher::Callable(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.truthy(&r)
        }
        Matcher::Ids(ids) => Ok(exc.heap_ptr().is_some_and(|p| ids.contains(&p))),
    }
}

fn is_group(vm: &Vm, v: &Value) -> bool {
    data_of(v).is_some_and(|i| i.class.is_subclass_of(&vm.types.base_exception_group))
}

/// The leaf (non-group) exceptions of a group, by identity.
fn collect_leaf_ids(vm: &Vm, exc: &Value, out: &mut Vec<usize>) {
    if is_group(vm, exc) {
        for e in group_parts(exc).1 {
            collect_leaf_ids(vm, &e, out);
        }
    } else if let Some(p) = exc.heap_ptr() {
        out.push(p);
    }
}

/// CPython's `is_same_exception_metadata`: was `a` derived from `b` (same notes, traceback,
/// cause and context)?
fn same_metadata(a: &Value, b: &Value) -> bool {
    let (Some(x), Some(y)) = (data_of(a), data_of(b)) else {
        return false;
    };
    let same_opt = |p: &Option<Value>, q: &Option<Value>| match (p, q) {
        (None, None) => true,
        (Some(p), Some(q)) => p.is(q),
        _ => false,
    };
    let notes_x = super::instdict::get(x, crate::vm::symbol::sym::NOTES);
    let notes_y = super::instdict::get(y, crate::vm::symbol::sym::NOTES);
    let (Some(dx), Some(dy)) = (x.exception_data(), y.exception_data()) else {
        return false;
    };
    let (dx, dy) = (dx.borrow(), dy.borrow());
    let same_tb = dx.traceback.len() == dy.traceback.len()
        && dx
            .traceback
            .iter()
            .zip(dy.traceback.iter())
            .all(|(p, q)| Rc::ptr_eq(&p.code, &q.code) && p.pc == q.pc);
    same_opt(&notes_x, &notes_y)
        && same_tb
        && same_opt(&dx.cause, &dy.cause)
        && same_opt(&dx.context, &dy.context)
}

/// Copies the group's metadata (cause, context, notes) onto a derived group.
fn derive_with(vm: &mut Vm, group: &Value, excs: Vec<Value>) -> PyResult<Value> {
    let derived = vm.call_method(group, crate::vm::symbol::sym::DERIVE, &[Value::list(excs)])?;
    if let (Some(src), Some(dst)) = (data_of(group), data_of(&derived)) {
        if let (Some(s), Some(d)) = (src.exception_data(), dst.exception_data()) {
            let s = s.borrow();
            let mut d = d.borrow_mut();
            d.cause = s.cause.clone();
            d.context = s.context.clone();
            d.traceback = s.traceback.clone();
            // `PyException_SetCause` always sets this.
            d.suppress_context = true;
        }
        if let Some(notes) = super::instdict::get(src, crate::vm::symbol::sym::NOTES) {
            super::instdict::set(dst, crate::vm::symbol::sym::NOTES, notes);
        }
    }
    Ok(derived)
}

/// Splits `group` into (matching, rest); either may be `None`.
pub fn split_group(vm: &mut Vm, group: &Value, m: &Value) -> PyResult<(Value, Value)> {
    let m = matcher(vm, m)?;
    split_with(vm, group, &m)
}

fn split_with(vm: &mut Vm, group: &Value, m: &Matcher) -> PyResult<(Value, Value)> {
    if matches(vm, m, group)? {
        return Ok((group.clone(), Value::None));
    }
    if !is_group(vm, group) {
        return Ok((Value::None, group.clone()));
    }
    let (_, excs) = group_parts(group);
    let mut matched = Vec::new();
    let mut rest = Vec::new();
    for e in excs {
        let (a, b) = split_with(vm, &e, m)?;
        if !a.is_none() {
            matched.push(a);
        }
        if !b.is_none() {
            rest.push(b);
        }
    }
    let matched = if matched.is_empty() {
        Value::None
    } else {
        derive_with(vm, group, matched)?
    };
    let rest = if rest.is_empty() {
        Value::None
    } else {
        derive_with(vm, group, rest)?
    };
    Ok((matched, rest))
}

fn exception_group_split(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(g), Some(m)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("split() takes exactly one argument"));
    };
    let (a, b) = split_group(vm, g, m)?;
    Ok(Value::tuple(vec![a, b]))
}

fn exception_group_subgroup(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(g), Some(m)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("subgroup() takes exactly one argument"));
    };
    Ok(split_group(vm, g, m)?.0)
}

fn exception_group_derive(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(g), Some(excs)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("derive() takes exactly one argument"));
    };
    let (msg, _) = group_parts(g);
    let cls = Value::Class(vm.types.base_exception_group.clone());
    vm.call(&cls, &[msg, excs.clone()])
}

impl Vm {
    /// `except* T` (CPython's `exception_group_match`): `(rest, matched)`, either may be None.
    pub(crate) fn exception_group_match(
        &mut self,
        exc: Value,
        typ: &Value,
    ) -> PyResult<(Value, Value)> {
        let invalid = |c: &Value| matches!(c, Value::Class(c) if c.is_subclass_of(&self.types.base_exception_group));
        let is_invalid = match typ {
            Value::Tuple(t) => t.iter().any(invalid),
            other => invalid(other),
        };
        if is_invalid {
            return Err(self.type_error(
                "catching ExceptionGroup with except* is not allowed. Use except instead.",
            ));
        }
        if exc.is_none() {
            return Ok((Value::None, Value::None));
        }
        if self.exception_matches(&exc, typ)? {
            if is_group(self, &exc) {
                return Ok((Value::None, exc));
            }
            // A naked exception is wrapped in a group (of a tuple, as CPython does).
            let cls = Value::Class(self.types.base_exception_group.clone());
            let group = self.call(&cls, &[Value::str(""), Value::tuple(vec![exc])])?;
            return Ok((Value::None, group));
        }
        if is_group(self, &exc) {
            let (matched, rest) = split_group(self, &exc, typ)?;
            return Ok((rest, matched));
        }
        Ok((exc, Value::None))
    }

    /// End of `except*` (CPython's `_PyExc_PrepReraiseStar`): `raised` lists what the clauses
    /// raised plus the unhandled rest. Re-raised parts of the original group are merged back
    /// into one projection of it; newly raised exceptions join it in a new group.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, raised: Value) -> PyResult<Value> {
        let items: Vec<Value> = match &raised {
            Value::List(l) => l
                .borrow()
                .iter()
                .filter(|v| !v.is_none())
                .cloned()
                .collect(),
            _ => vec![],
        };
        if items.is_empty() {
            return Ok(Value::None);
        }
        if !is_group(self, &orig) {
            return Ok(items[0].clone());
        }
        let (reraised, mut raised_list): (Vec<Value>, Vec<Value>) =
            items.into_iter().partition(|e| same_metadata(e, &orig));
        let mut ids = Vec::new();
        for e in &reraised {
            collect_leaf_ids(self, e, &mut ids);
        }
        let projection = if reraised.is_empty() {
            Value::None
        } else {
            split_with(self, &orig, &Matcher::Ids(ids))?.0
        };
        if !projection.is_none() {
            raised_list.push(projection);
        }
        match raised_list.len() {
            0 => Ok(Value::None),
            1 => Ok(raised_list.remove(0)),
            _ => {
                let cls = Value::Class(self.types.base_exception_group.clone());
                self.call(&cls, &[Value::str(""), Value::list(raised_list)])
            }
        }
    }
}

/// The exception inside an error, as a `Value`.
pub fn err_value(e: &PyErr) -> Value {
    e.value()
}
