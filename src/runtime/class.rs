//! Classes as Python sees them: `__build_class__` (running a class body and creating the class
//! with a C3 MRO), `object`'s default methods, `type(...)`, `super`, `property`, `classmethod`
//! and `staticmethod`.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use super::types::{c3_merge, new_class};
use crate::vm::object::{Args, AttrMap, Class, Instance, Layout, Payload, Property};
use crate::vm::symbol::{intern, sym};
use crate::vm::value::Value;
use crate::vm::{PyResult, Vm};

pub const OBJECT_METHODS: &[(&str, crate::vm::object::BuiltinFn)] = &[
    ("__repr__", object_repr),
    ("__str__", object_str),
    ("__init_subclass__", object_init_subclass),
    ("__format__", object_format),
    ("__dir__", object_dir),
    ("__delattr__", object_delattr),
];

pub const TYPE_METHODS: &[(&str, crate::vm::object::BuiltinFn)] = &[];

pub const PROPERTY_METHODS: &[(&str, crate::vm::object::BuiltinFn)] = &[
    ("setter", property_setter),
    ("getter", property_getter),
    ("deleter", property_deleter),
    ("__get__", property_get),
];

/// `object.__repr__`, which builtin values also reach (`[1].__repr__()`): their own repr;
/// instances of subclasses of builtin types show the value inside.
fn object_repr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    match &obj {
        Value::Instance(i) => match &i.payload {
            Payload::Boxed(b) => {
                let inner = b.borrow().clone();
                let text = vm.repr(&inner)?;
                // Set subclasses show their type: `S({1, 2})`, `S()`.
                Ok(Value::string(match &inner {
                    Value::Set(s) | Value::FrozenSet(s) => {
                        if s.borrow().is_empty() {
                            format!("{}()", i.class.name)
                        } else {
                            let body = text
                                .strip_prefix("frozenset(")
                                .and_then(|t| t.strip_suffix(')'))
                                .unwrap_or(&text);
                            format!("{}({})", i.class.name, body)
                        }
                    }
                    _ => text,
                }))
            }
            _ => Ok(Value::string(default_repr(vm, &obj))),
        },
        other => Ok(Value::string(vm.repr(other)?)),
    }
}

/// `<__main__.Foo object at 0x7f...>`.
pub fn default_repr(vm: &Vm, obj: &Value) -> String {
    let cls = vm.class_of(obj);
    let module = if cls.module == "builtins" {
        String::new()
    } else {
        format!("{}.", cls.module)
    };
    format!(
        "<{}{} object at {:#x}>",
        module,
        cls.qualname,
        obj.heap_ptr().unwrap_or(0)
    )
}

/// `object.__str__`: `repr(self)`, except that builtin values keep their own `str`
/// (`"a".__str__()` is `a`).
fn object_str(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    match &obj {
        Value::Instance(_) => Ok(Value::string(vm.repr(&obj)?)),
        other => Ok(Value::string(vm.to_str(other)?)),
    }
}

fn object_init_subclass(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

fn object_format(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let spec = args.pos.get(1).cloned().unwrap_or(Value::str(""));
    if let Value::Str(s) = &spec {
        if !s.as_str().is_empty() {
            return Err(vm.type_error(format!(
                "unsupported format string passed to {}.__format__",
                vm.type_name(&obj)
            )));
        }
    }
    Ok(Value::string(vm.to_str(&obj)?))
}

fn object_dir(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let mut names: Vec<String> = Vec::new();
    if let Value::Instance(i) = &obj {
        names.extend(super::instdict::names(i));
    }
    for c in vm.class_of(&obj).mro() {
        names.extend(c.dict.borrow().keys().map(|k| k.to_string()));
    }
    names.sort();
    names.dedup();
    Ok(Value::list(names.into_iter().map(Value::string).collect()))
}

// The default slots of `object`. They are also identity markers: the VM skips calling them when
// a class does not override them.

pub fn object_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.pos.first() {
        Some(Value::Class(cls)) => {
            let cls = cls.clone();
            if cls.layout == Layout::Native
                || matches!(cls.layout, Layout::Boxed(_)) && cls.is_builtin
            {
                return Err(vm.type_error(format!(
                    "object.__new__({}) is not safe, use {}.__new__()",
                    cls.name, cls.name
                )));
            }
            Ok(vm.new_plain_instance(&cls, &args.pos[1..]))
        }
        _ => Err(vm.type_error("object.__new__(X): X is not a type object")),
    }
}

pub fn object_init(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::None)
}

pub fn object_eq(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) if a.is(b) => Ok(Value::TRUE),
        _ => Ok(Value::NotImplemented),
    }
}

pub fn object_ne(vm: &mut Vm, args: Args) -> PyResult<Value> {
    match (args.pos.first(), args.pos.get(1)) {
        (Some(a), Some(b)) => {
            let r = vm.eq(a, b)?;
            Ok(Value::bool(!r))
        }
        _ => Ok(Value::NotImplemented),
    }
}

pub fn object_hash(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let obj = args.pos.first().cloned().unwrap_or(Value::None);
    let _ = vm;
    Ok(Value::Int((obj.heap_ptr().unwrap_or(0) >> 4) as i64))
}

pub fn object_getattribute(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Instance(inst)), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1))
    else {
        return Err(vm.type_error("__getattribute__ expects an instance and a name"));
    };
    let obj = Value::Instance(inst.clone());
    let name = intern(name.as_str());
    // Generic look-up without the override: class data descriptors, dict, class attrs.
    let cls = inst.class.clone();
    if let Some(v) = super::instdict::get(inst, name) {
        return Ok(v);
    }
    if let Some(attr) = cls.lookup(name) {
        return vm.bind_method(attr, obj);
    }
    Err(vm.no_attribute(&obj, name))
}

pub fn object_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Instance(inst)), Some(Value::Str(name)), Some(value)) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Err(vm.type_error("__setattr__ expects an instance, a name and a value"));
    };
    let obj = Value::Instance(inst.clone());
    vm.generic_setattr(inst, &obj, intern(name.as_str()), value.clone())?;
    Ok(Value::None)
}

pub fn object_delattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Instance(inst)), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1))
    else {
        return Err(vm.type_error("__delattr__ expects an instance and a name"));
    };
    let obj = Value::Instance(inst.clone());
    vm.generic_delattr(inst, &obj, intern(name.as_str()))?;
    Ok(Value::None)
}

/// The names a class's `__slots__` lists (a single string is one name).
fn slot_names(vm: &mut Vm, slots: &Value) -> PyResult<Vec<String>> {
    match slots {
        Value::Str(s) => Ok(vec![s.as_str().to_string()]),
        other => {
            let items = vm.collect(other)?;
            Ok(items
                .iter()
                .filter_map(|v| v.as_str().map(|s| s.as_str().to_string()))
                .collect())
        }
    }
}

/// `__setattr__` of classes with `__slots__`: a name must be a slot (or a data descriptor)
/// unless some class in the MRO gives instances a `__dict__`.
fn slots_setattr(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(obj @ Value::Instance(inst)), Some(Value::Str(name)), Some(value)) =
        (args.pos.first(), args.pos.get(1), args.pos.get(2))
    else {
        return Err(vm.type_error("__setattr__ expects an instance, a name and a value"));
    };
    let name_sym = intern(name.as_str());
    let mut allowed = false;
    let mut has_dict = false;
    for c in inst.class.mro() {
        if c.is_builtin {
            continue;
        }
        let slots = c.dict.borrow().get(&intern("__slots__")).cloned();
        match slots {
            None => has_dict = true,
            Some(slots) => {
                let names = slot_names(vm, &slots)?;
                if names.iter().any(|n| n == "__dict__") {
                    has_dict = true;
                }
                if names.iter().any(|n| n == name.as_str()) {
                    allowed = true;
                }
            }
        }
    }
    let descriptor = inst.class.lookup(name_sym).is_some_and(|a| match &a {
        Value::Instance(d) => {
            matches!(d.payload, Payload::Property(_)) || d.class.lookup(sym::SET).is_some()
        }
        _ => false,
    });
    if !(allowed || has_dict || descriptor) {
        return Err(vm.no_attribute(obj, name_sym));
    }
    vm.generic_setattr(inst, obj, name_sym, value.clone())?;
    Ok(Value::None)
}

/// `cls.mro()`.
pub fn class_mro_method(_vm: &mut Vm, args: Args) -> PyResult<Value> {
    match args.data {
        Value::Class(c) => Ok(Value::list(c.mro().into_iter().map(Value::Class).collect())),
        _ => Ok(Value::list(vec![])),
    }
}

/// `__build_class__(body, name, *bases, **kw)`: runs the body in a fresh namespace and creates
/// the class.
pub fn build_class(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Function(body)), Some(Value::Str(name))) = (args.pos.first(), args.pos.get(1))
    else {
        return Err(vm.type_error("__build_class__: not enough arguments"));
    };
    let body = body.clone();
    let name = name.as_str().to_string();
    let mut bases = Vec::new();
    for b in &args.pos[2..] {
        match b {
            Value::Class(c) => bases.push(c.clone()),
            other => {
                return Err(
                    vm.type_error(format!("bases must be types, not {}", vm.type_name(other)))
                )
            }
        }
    }
    for (k, _) in args.kw {
        if k.as_str() != "metaclass" {
            // Keyword arguments go to __init_subclass__; accepted and passed below.
        }
    }
    let namespace = Rc::new(RefCell::new(super::dict::Dict::new()));
    // Run the body with the namespace as its locals.
    let mut frame = Box::new(crate::vm::frame::Frame::new(
        body.code.clone(),
        body.globals.clone(),
    ));
    frame.set_namespace(namespace.clone());
    if !body.closure.is_empty() || !body.code.cellvars.is_empty() {
        let mut cells: Vec<_> = (0..body.code.cellvars.len())
            .map(|_| Rc::new(RefCell::new(Value::Undef)))
            .collect();
        cells.extend(body.closure.iter().cloned());
        frame.set_cells(cells);
    }
    let class_cell = vm.run_frame_to_completion(frame)?;
    let cls = make_class(vm, &name, bases, &namespace, &body.code.qualname)?;
    if let Value::Cell(cell) = class_cell {
        *cell.borrow_mut() = Value::Class(cls.clone());
    }
    // __set_name__ and __init_subclass__.
    let items: Vec<_> = cls
        .dict
        .borrow()
        .iter()
        .map(|(k, v)| (*k, v.clone()))
        .collect();
    for (k, v) in items {
        if let Value::Instance(inst) = &v {
            if let Some(set_name) = inst.class.lookup(sym::SET_NAME) {
                vm.call_bound(
                    set_name,
                    v.clone(),
                    &[Value::Class(cls.clone()), Value::str(k.as_str())],
                )?;
            }
        }
    }
    if let Some(parent) = cls.mro_rest.borrow().first().cloned() {
        if let Some(init_sub) = parent.lookup(sym::INIT_SUBCLASS) {
            let kw: Vec<_> = args
                .kw
                .iter()
                .filter(|(k, _)| k.as_str() != "metaclass")
                .cloned()
                .collect();
            let f = match &init_sub {
                Value::Instance(i) => match &i.payload {
                    Payload::ClassMethod(f) => (**f).clone(),
                    _ => init_sub.clone(),
                },
                Value::Function(_) => init_sub.clone(),
                _ => Value::None,
            };
            if !f.is_none() {
                vm.call_kw(&f, &[Value::Class(cls.clone())], &kw)?;
            }
        }
    }
    Ok(Value::Class(cls))
}

/// Creates a class from a namespace dict (also `type(name, bases, dict)`).
pub fn make_class(
    vm: &mut Vm,
    name: &str,
    bases: Vec<Rc<Class>>,
    namespace: &Rc<RefCell<super::dict::Dict>>,
    qualname: &str,
) -> PyResult<Rc<Class>> {
    let bases = if bases.is_empty() {
        vec![vm.types.object.clone()]
    } else {
        bases
    };
    for b in &bases {
        if Rc::ptr_eq(b, &vm.types.bool)
            || Rc::ptr_eq(b, &vm.types.range)
            || Rc::ptr_eq(b, &vm.types.function)
        {
            return Err(vm.type_error(format!("type '{}' is not an acceptable base type", b.name)));
        }
    }
    for (i, b) in bases.iter().enumerate() {
        if bases[..i].iter().any(|o| Rc::ptr_eq(o, b)) {
            return Err(vm.type_error(format!("duplicate base class {}", b.name)));
        }
    }
    let mut seqs: Vec<Vec<Rc<Class>>> = bases.iter().map(|b| b.mro()).collect();
    seqs.push(bases.clone());
    let Some(mro_rest) = c3_merge(seqs.clone()) else {
        let names = mro_conflict_heads(seqs);
        return Err(vm.type_error(format!(
            "Cannot create a consistent method resolution\norder (MRO) for bases {}",
            names.join(", ")
        )));
    };
    let layout = bases
        .iter()
        .map(|b| b.layout)
        .find(|l| *l != Layout::Object)
        .unwrap_or(Layout::Object);
    let mut dict = AttrMap::default();
    let mut module = "__main__".to_string();
    for entry in namespace.borrow().iter() {
        if let Value::Str(k) = &entry.key {
            if k.as_str() == "__module__" {
                if let Value::Str(m) = &entry.value {
                    module = m.as_str().to_string();
                }
            }
            let mut v = entry.value.clone();
            // `__new__` is implicitly a static method; `__init_subclass__` a class method.
            if k.as_str() == "__init_subclass__" || k.as_str() == "__class_getitem__" {
                if let Value::Function(_) = v {
                    v = Value::Instance(Rc::new(Instance::new(
                        vm.types.classmethod.clone(),
                        Payload::class_method(v),
                    )));
                }
            }
            // `type.__new__` takes `__qualname__` out of the namespace.
            if k.as_str() != "__qualname__" {
                dict.insert(intern(k.as_str()), v);
            }
        }
    }
    // Every class has its own `__doc__` (None without a docstring).
    dict.entry(intern("__doc__")).or_insert(Value::None);
    // Instances of a class with `__slots__` (and no `__dict__` slot) only take the listed
    // attributes: a `__setattr__` enforces it (other classes keep the fast path).
    if dict.contains_key(&intern("__slots__")) && !dict.contains_key(&sym::SETATTR) {
        dict.insert(
            sym::SETATTR,
            super::types::builtin_value("__setattr__", Some("slots"), slots_setattr),
        );
    }
    // A class defining __eq__ without __hash__ is unhashable, as in CPython.
    if dict.contains_key(&sym::EQ) && !dict.contains_key(&sym::HASH) {
        dict.insert(sym::HASH, Value::None);
    }
    Ok(Rc::new(Class {
        name: name.to_string(),
        qualname: qualname.to_string(),
        module,
        bases,
        mro_rest: RefCell::new(mro_rest),
        dict: RefCell::new(dict),
        layout,
        is_builtin: false,
        version: Cell::new(0),
        lookup_cache: Default::default(),
    }))
}

/// The classes CPython's `set_mro_error` names: the heads of the sequences left when the C3
/// merge gets stuck, each once.
fn mro_conflict_heads(mut seqs: Vec<Vec<Rc<Class>>>) -> Vec<String> {
    loop {
        seqs.retain(|s| !s.is_empty());
        let candidate = seqs.iter().map(|s| s[0].clone()).find(|head| {
            !seqs
                .iter()
                .any(|t| t[1..].iter().any(|c| Rc::ptr_eq(c, head)))
        });
        match candidate {
            Some(c) => {
                for s in seqs.iter_mut() {
                    if Rc::ptr_eq(&s[0], &c) {
                        s.remove(0);
                    }
                }
            }
            None => {
                let mut names: Vec<Rc<Class>> = Vec::new();
                for s in &seqs {
                    if !names.iter().any(|n| Rc::ptr_eq(n, &s[0])) {
                        names.push(s[0].clone());
                    }
                }
                return names.iter().map(|c| c.name.clone()).collect();
            }
        }
    }
}

/// `type(obj)` / `type(name, bases, dict)`.
pub fn type_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    // args[0] is the `type` class itself (called via __new__).
    let rest = &args.pos[1.min(args.pos.len())..];
    match rest {
        [obj] => Ok(Value::Class(vm.class_of(obj))),
        [Value::Str(name), Value::Tuple(bases), Value::Dict(ns)] => {
            let mut classes = Vec::with_capacity(bases.len());
            for b in bases.iter() {
                match b {
                    Value::Class(c) => classes.push(c.clone()),
                    _ => {
                        return Err(vm.type_error(
                            "metaclass conflict: the metaclass of a derived class must be a (non-strict) subclass of the metaclasses of all its bases",
                        ))
                    }
                }
            }
            let cls = make_class(vm, name.as_str(), classes, ns, name.as_str())?;
            Ok(Value::Class(cls))
        }
        [a, b, c] => {
            let (which, want, got) = if !matches!(a, Value::Str(_)) {
                (1, "str", a)
            } else if !matches!(b, Value::Tuple(_)) {
                (2, "tuple", b)
            } else {
                (3, "dict", c)
            };
            Err(vm.type_error(format!(
                "type.__new__() argument {which} must be {want}, not {}",
                vm.type_name(got)
            )))
        }
        _ => Err(vm.type_error("type() takes 1 or 3 arguments")),
    }
}

/// Marker used for native slots so the table of `object` methods has entries to point at.
pub fn object_slot_marker(_vm: &mut Vm, _args: Args) -> PyResult<Value> {
    Ok(Value::NotImplemented)
}

// ----- super -----------------------------------------------------------------------------

pub fn super_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let rest = &args.pos[1.min(args.pos.len())..];
    let (start, obj) = match rest {
        [Value::Class(c), obj] => (c.clone(), obj.clone()),
        [] => zero_arg_super(vm)?,
        _ => return Err(vm.type_error("super() argument 1 must be a type")),
    };
    let obj_cls = match &obj {
        Value::Class(c) if c.is_subclass_of(&start) => c.clone(),
        other => vm.class_of(other),
    };
    if !obj_cls.is_subclass_of(&start) {
        return Err(vm.type_error("super(type, obj): obj must be an instance or subtype of type"));
    }
    Ok(Value::Instance(Rc::new(Instance::new(
        vm.types.super_.clone(),
        Payload::Super(Box::new(crate::vm::object::SuperRef {
            start_after: start,
            obj,
        })),
    ))))
}

/// `super().name` for a call (`LoadSuperMethod`) when `super` is the builtin: the plain
/// function the look-up finds and the instance to call it on, without making the `super`
/// object. `Ok(None)` when the attribute is anything else, or the instance's class is not
/// below `__class__`: the caller then makes the `super` object and looks the name up on it,
/// which gives the right value or error.
pub fn zero_arg_super_method(
    vm: &mut Vm,
    name: crate::vm::symbol::Symbol,
) -> PyResult<Option<(Value, Value)>> {
    let (start, obj) = zero_arg_super(vm)?;
    if matches!(obj, Value::Class(_)) {
        return Ok(None);
    }
    let cls = vm.class_of(&obj);
    let rest = cls.mro_rest.borrow();
    let after: &[Rc<Class>] = if Rc::ptr_eq(&cls, &start) {
        &rest
    } else {
        match rest.iter().position(|c| Rc::ptr_eq(c, &start)) {
            Some(pos) => &rest[pos + 1..],
            None => return Ok(None),
        }
    };
    for c in after {
        if let Some(v) = c.dict.borrow().get(&name) {
            return Ok(match v {
                Value::Function(_) => Some((v.clone(), obj)),
                _ => None,
            });
        }
    }
    Ok(None)
}

/// `super()` with no arguments: the `__class__` cell and the first argument of the caller.
fn zero_arg_super(vm: &mut Vm) -> PyResult<(Rc<Class>, Value)> {
    let Some(frame) = vm.frames.last() else {
        return Err(vm.runtime_error("super(): no arguments"));
    };
    let code = frame.code.clone();
    // CPython's order of checks (`super_init_without_args`).
    if code.argcount == 0 {
        return Err(vm.runtime_error("super(): no arguments"));
    }
    let mut first = frame.stack.first().cloned().unwrap_or(Value::Undef);
    if first.is_undef() {
        // The first parameter may live in a cell.
        if let Some((cell, _)) = code.cell_params.iter().find(|(_, p)| *p == 0) {
            first = frame.cells()[*cell as usize].borrow().clone();
        }
    }
    if first.is_undef() {
        return Err(vm.runtime_error("super(): arg[0] deleted"));
    }
    let ncell = code.cellvars.len();
    let class = code
        .freevars
        .iter()
        .position(|n| n.as_str() == "__class__")
        .map(|i| frame.cells()[ncell + i].borrow().clone());
    let Some(Value::Class(class)) = class else {
        return Err(vm.runtime_error("super(): __class__ cell not found"));
    };
    Ok((class, first))
}

/// Attribute look-up on a `super` object: along `type(obj).__mro__` after `start_after`.
pub fn super_getattr(
    vm: &mut Vm,
    start_after: &Rc<Class>,
    obj: &Value,
    name: crate::vm::symbol::Symbol,
) -> PyResult<Option<Value>> {
    let cls = match obj {
        Value::Class(c) => c.clone(),
        other => vm.class_of(other),
    };
    let mro = cls.mro();
    let pos = mro.iter().position(|c| Rc::ptr_eq(c, start_after));
    let Some(pos) = pos else {
        return Ok(None);
    };
    for c in &mro[pos + 1..] {
        let found = c.dict.borrow().get(&name).cloned();
        if let Some(v) = found {
            let is_class_obj = matches!(obj, Value::Class(_));
            return Ok(Some(match &v {
                _ if crate::vm::attr::binds(&v) && !is_class_obj => {
                    vm.bind_method(v.clone(), obj.clone())?
                }
                Value::Instance(i) => match &i.payload {
                    Payload::ClassMethod(f) => {
                        Value::BoundMethod(Rc::new(crate::vm::object::BoundMethod {
                            func: (**f).clone(),
                            receiver: Value::Class(cls.clone()),
                        }))
                    }
                    Payload::StaticMethod(f) => (**f).clone(),
                    Payload::Property(p) if !is_class_obj => {
                        let fget = p.fget.clone();
                        vm.call(&fget, std::slice::from_ref(obj))?
                    }
                    _ => v.clone(),
                },
                _ => v.clone(),
            }));
        }
    }
    Ok(None)
}

// ----- property, classmethod, staticmethod ------------------------------------------------

fn arg_or_none(args: &Args, i: usize, name: &str) -> Value {
    if let Some(v) = args.pos.get(i) {
        return v.clone();
    }
    args.kw
        .iter()
        .find(|(k, _)| k.as_str() == name)
        .map(|(_, v)| v.clone())
        .unwrap_or(Value::None)
}

pub fn property_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let prop = Property {
        fget: arg_or_none(&args, 1, "fget"),
        fset: arg_or_none(&args, 2, "fset"),
        fdel: arg_or_none(&args, 3, "fdel"),
        doc: arg_or_none(&args, 4, "doc"),
    };
    Ok(Value::Instance(Rc::new(Instance::new(
        vm.types.property.clone(),
        Payload::Property(Box::new(prop)),
    ))))
}

fn property_with(vm: &mut Vm, args: Args, which: usize) -> PyResult<Value> {
    let (Some(Value::Instance(p)), Some(f)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("property method expects a function"));
    };
    let Payload::Property(old) = &p.payload else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    let mut prop = Property {
        fget: old.fget.clone(),
        fset: old.fset.clone(),
        fdel: old.fdel.clone(),
        doc: old.doc.clone(),
    };
    match which {
        0 => prop.fget = f.clone(),
        1 => prop.fset = f.clone(),
        _ => prop.fdel = f.clone(),
    }
    Ok(Value::Instance(Rc::new(Instance::new(
        p.class.clone(),
        Payload::Property(Box::new(prop)),
    ))))
}

fn property_getter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 0)
}

fn property_setter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 1)
}

fn property_deleter(vm: &mut Vm, args: Args) -> PyResult<Value> {
    property_with(vm, args, 2)
}

fn property_get(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let (Some(Value::Instance(p)), Some(obj)) = (args.pos.first(), args.pos.get(1)) else {
        return Err(vm.type_error("__get__ expects an instance"));
    };
    let Payload::Property(prop) = &p.payload else {
        return Err(vm.type_error("descriptor requires a 'property' object"));
    };
    if obj.is_none() {
        return Ok(Value::Instance(p.clone()));
    }
    let fget = prop.fget.clone();
    vm.call(&fget, std::slice::from_ref(obj))
}

pub fn classmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Instance(Rc::new(Instance::new(
        vm.types.classmethod.clone(),
        Payload::class_method(f),
    ))))
}

pub fn staticmethod_new(vm: &mut Vm, args: Args) -> PyResult<Value> {
    let f = args.pos.get(1).cloned().unwrap_or(Value::None);
    Ok(Value::Instance(Rc::new(Instance::new(
        vm.types.staticmethod.clone(),
        Payload::static_method(f),
    ))))
}

/// The class `type` used as a constructor and builtins that are classes (`int`, `str`, ...):
/// `__new__` builtins are installed by `builtins::install`.
pub fn new_user_class(name: &str, module: &str, bases: Vec<Rc<Class>>) -> Rc<Class> {
    new_class(name, module, bases, Layout::Object, false)
}
