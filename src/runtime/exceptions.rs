//! Exception objects: `BaseException`'s constructor, `str`/`repr`, attributes (`args`,
//! `__cause__`, `__context__`, `StopIteration.value`, ...), and `ExceptionGroup` with the
//! splitting that `except*` relies on.

use std::rc::Rc;

use crate::vm::object::{Args, BuiltinFn, Instance};
use crate::vm::symbol::Symbol;
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
        Some(Value::Class(cls)) => Ok(vm.new_plain_instance(cls, &args.pos[1..])),
        _ => Err(vm.type_error("BaseException.__new__(X): X is not a type object")),
    }
}

fn exception_init(vm: &mut Vm, args: Args) -> PyResult<Value> {
    if let Some(inst) = args.pos.first().and_then(data_of) {
        if let Some(d) = inst.exception_data() {
            d.borrow_mut().args = args.pos[1..].to_vec();
        }
        return Ok(Value::None);
    }
    Err(vm.type_error("descriptor '__init__' requires a 'BaseException' object"))
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
    let existing = inst.dict.borrow().get(&notes_sym).cloned();
    match existing {
        Some(Value::List(l)) => l.borrow_mut().push(note.clone()),
        _ => {
            inst.dict
                .borrow_mut()
                .insert(notes_sym, Value::list(vec![note.clone()]));
        }
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
        "__suppress_context__" => Some(Value::Bool(d.suppress_context)),
        "__traceback__" => Some(Value::None),
        "value" if inst.class.is_subclass_of(&vm.types.stop_iteration) => {
            Some(d.args.first().cloned().unwrap_or(Value::None))
        }
        "code" if inst.class.is_subclass_of(&vm.types.system_exit) => Some(match d.args.len() {
            0 => Value::None,
            1 => d.args[0].clone(),
            _ => Value::tuple(d.args.clone()),
        }),
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
        "errno" | "strerror" | "filename"
            if inst.class.is_subclass_of(
                &vm.types
                    .exception_by_name("OSError")
                    .unwrap_or_else(|| vm.types.exception.clone()),
            ) =>
        {
            Some(Value::None)
        }
        _ => None,
    })
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
    let as_exc = |v: &Value| -> Option<Value> {
        match v {
            Value::None => None,
            other => Some(other.clone()),
        }
    };
    match name.as_str() {
        "args" => {
            let items = vm.collect(value)?;
            d.borrow_mut().args = items;
        }
        "__cause__" => {
            let mut d = d.borrow_mut();
            d.cause = as_exc(value);
            d.suppress_context = true;
        }
        "__context__" => d.borrow_mut().context = as_exc(value),
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
        return Err(
            vm.type_error("argument 1 must be str, not ".to_string() + &vm.type_name(&rest[0]))
        );
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
    // `args` keeps the sequence as given; `.exceptions` is always a tuple.
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

/// A predicate for `split`/`subgroup`: an exception type, a tuple of types, or a callable.
enum Matcher {
    Types(Value),
    Callable(Value),
}

fn matcher(vm: &Vm, v: &Value) -> Matcher {
    match v {
        Value::Class(_) | Value::Tuple(_) => Matcher::Types(v.clone()),
        _ => {
            let _ = vm;
            Matcher::Callable(v.clone())
        }
    }
}

fn matches(vm: &mut Vm, m: &Matcher, exc: &Value) -> PyResult<bool> {
    match m {
        Matcher::Types(t) => vm.exception_matches(exc, t),
        Matcher::Callable(f) => {
            let r = vm.call(f, std::slice::from_ref(exc))?;
            vm.truthy(&r)
        }
    }
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
            d.suppress_context = s.suppress_context;
        }
        if let Some(notes) = src.dict.borrow().get(&crate::vm::symbol::sym::NOTES) {
            dst.dict
                .borrow_mut()
                .insert(crate::vm::symbol::sym::NOTES, notes.clone());
        }
    }
    Ok(derived)
}

/// Splits `group` into (matching, rest); either may be `None`.
pub fn split_group(vm: &mut Vm, group: &Value, m: &Value) -> PyResult<(Value, Value)> {
    let m = matcher(vm, m);
    split_with(vm, group, &m)
}

fn split_with(vm: &mut Vm, group: &Value, m: &Matcher) -> PyResult<(Value, Value)> {
    if matches(vm, m, group)? {
        return Ok((group.clone(), Value::None));
    }
    let is_group =
        data_of(group).is_some_and(|i| i.class.is_subclass_of(&vm.types.base_exception_group));
    if !is_group {
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
    /// `except* T`: `(rest, matched)` where matched is a group (or None).
    pub(crate) fn exception_group_match(
        &mut self,
        exc: Value,
        typ: &Value,
    ) -> PyResult<(Value, Value)> {
        if let Value::Class(c) = typ {
            if c.is_subclass_of(&self.types.base_exception_group) {
                return Err(self.type_error(
                    "catching ExceptionGroup with except* is not allowed. Use except instead.",
                ));
            }
        }
        let is_group =
            data_of(&exc).is_some_and(|i| i.class.is_subclass_of(&self.types.base_exception_group));
        if !is_group {
            // A naked exception matching except* is wrapped in an ExceptionGroup.
            if self.exception_matches(&exc, typ)? {
                let cls = Value::Class(self.types.base_exception_group.clone());
                let group = self.call(&cls, &[Value::str(""), Value::tuple(vec![exc])])?;
                return Ok((Value::None, group));
            }
            return Ok((exc, Value::None));
        }
        let (matched, rest) = split_group(self, &exc, typ)?;
        Ok((rest, matched))
    }

    /// End of `except*`: `raised` lists exceptions raised in clauses plus the unhandled rest.
    pub(crate) fn prep_reraise_star(&mut self, orig: Value, raised: Value) -> PyResult<Value> {
        let items = match &raised {
            Value::List(l) => l.borrow().clone(),
            _ => vec![],
        };
        if items.is_empty() {
            return Ok(Value::None);
        }
        if items.len() == 1 && items[0].is(&orig) {
            return Ok(orig);
        }
        // Keep the original group's structure when only parts of it remain.
        let cls = Value::Class(self.types.base_exception_group.clone());
        let (msg, _) = group_parts(&orig);
        self.call(&cls, &[msg, Value::list(items)])
    }
}

/// The exception inside an error, as a `Value`.
pub fn err_value(e: &PyErr) -> Value {
    e.value()
}
