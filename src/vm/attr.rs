//! Attribute access: CPython's generic `__getattribute__` (data descriptors, then the instance
//! dict, then class attributes and non-data descriptors, then `__getattr__`), class and module
//! attributes, and the attributes builtin values expose.

use std::rc::Rc;

use super::object::{Class, Instance, Payload};
use super::symbol::{sym, Symbol};
use super::value::Value;
use super::{PyErr, PyResult, Vm};

/// Is this class attribute a data descriptor (it takes precedence over the instance dict)?
pub(crate) fn is_data_descriptor(v: &Value) -> bool {
    match v {
        Value::Instance(i) => match &i.payload {
            Payload::Property(_) => true,
            Payload::Plain => {
                i.class.lookup(sym::SET).is_some() || i.class.lookup(sym::DELETE).is_some()
            }
            _ => false,
        },
        _ => false,
    }
}

/// Is this class attribute a function that binds to the instance it is looked up on? A
/// Python function does, and so does a builtin method of a type (`list.append`, which
/// CPython calls a method descriptor); a free builtin function (`len`, `math.sqrt`) stored
/// on a class does not, as in CPython.
pub(crate) fn binds(attr: &Value) -> bool {
    match attr {
        Value::Function(_) => true,
        Value::Builtin(b) => b.owner.is_some(),
        _ => false,
    }
}

/// Instances of `object` itself and of a few native types have no `__dict__`: setting an
/// attribute on them fails as in CPython.
pub(crate) fn has_instance_dict(vm: &Vm, inst: &Instance) -> bool {
    let t = &vm.types;
    !(Rc::ptr_eq(&inst.class, &t.object)
        || Rc::ptr_eq(&inst.class, &t.property)
        || Rc::ptr_eq(&inst.class, &t.super_))
}

impl Vm {
    pub fn get_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<Value> {
        match self.get_attr_opt(obj, name)? {
            Some(v) => Ok(v),
            None => {
                if let Value::Module(m) = obj {
                    let names: Vec<&'static str> = m
                        .globals
                        .borrow()
                        .bound()
                        .map(|(k, _)| k.as_str())
                        .collect();
                    if let Some(fix) = super::lenient::unambiguous_match(name.as_str(), &names) {
                        if self.options.lenient {
                            self.lenient_warning(&format!(
                                "module '{}' has no attribute '{}'; using '{}'",
                                m.name, name, fix
                            ));
                            return self.get_attr(obj, super::symbol::intern(fix));
                        }
                    }
                }
                Err(self.no_attribute(obj, name))
            }
        }
    }

    /// The AttributeError CPython raises for a missing attribute.
    pub fn no_attribute(&self, obj: &Value, name: Symbol) -> PyErr {
        let msg = match obj {
            Value::Module(m) => format!("module '{}' has no attribute '{}'", m.name, name),
            Value::Class(c) => format!("type object '{}' has no attribute '{}'", c.name, name),
            _ => format!(
                "'{}' object has no attribute '{}'",
                self.type_name(obj),
                name
            ),
        };
        let err = self.attribute_error(msg);
        err.exc
            .dict
            .borrow_mut()
            .insert(sym::NAME_PLAIN, Value::str(name.as_str()));
        err.exc
            .dict
            .borrow_mut()
            .insert(super::symbol::intern("obj"), obj.clone());
        err
    }

    /// `getattr(obj, name)` returning `None` when missing (never a missing-attribute error).
    pub fn get_attr_opt(&mut self, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
        match obj {
            Value::Instance(inst) => self.instance_getattr(inst, obj, name),
            Value::Class(c) => self.class_getattr(c, name),
            Value::Module(m) => {
                if let Some(v) = m.globals.borrow().get(name) {
                    return Ok(Some(v.clone()));
                }
                if name == sym::DICT {
                    return Ok(Some(crate::runtime::builtins::globals_dict(self, m)?));
                }
                self.builtin_value_getattr(obj, name)
            }
            _ => self.builtin_value_getattr(obj, name),
        }
    }

    fn instance_getattr(
        &mut self,
        inst: &Rc<Instance>,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<Option<Value>> {
        if let Payload::Super(sup) = &inst.payload {
            let (start_after, target) = (sup.start_after.clone(), sup.obj.clone());
            if let Some(v) =
                crate::runtime::class::super_getattr(self, &start_after, &target, name)?
            {
                return Ok(Some(v));
            }
            if name == sym::CLASS {
                return Ok(Some(Value::Class(inst.class.clone())));
            }
            return Ok(None);
        }
        let cls = inst.class.clone();
        let (custom_get, _) =
            cls.attribute_hooks(&self.types.object_getattribute, &self.types.object_setattr);
        if let Some(getattribute) = custom_get.then(|| cls.lookup(sym::GETATTRIBUTE)).flatten() {
            {
                return match self.call_bound(
                    getattribute,
                    obj.clone(),
                    &[Value::str(name.as_str())],
                ) {
                    Ok(v) => Ok(Some(v)),
                    Err(e) if e.is_instance_of(&self.types.attribute_error) => {
                        self.try_getattr_hook(&cls, obj, name, e)
                    }
                    Err(e) => Err(e),
                };
            }
        }
        let class_attr = cls.lookup(name);
        if let Some(attr) = &class_attr {
            if is_data_descriptor(attr) {
                return self.descriptor_get(attr, obj).map(Some);
            }
        }
        if let Some(v) = crate::runtime::instdict::get(inst, name) {
            return Ok(Some(v));
        }
        if let Some(attr) = class_attr {
            return self.bind_method(attr, obj.clone()).map(Some);
        }
        if let Some(v) = self.instance_special_attr(inst, obj, name)? {
            return Ok(Some(v));
        }
        if let Some(hook) = cls.lookup(sym::GETATTR) {
            return self
                .call_bound(hook, obj.clone(), &[Value::str(name.as_str())])
                .map(Some);
        }
        Ok(None)
    }

    fn try_getattr_hook(
        &mut self,
        cls: &Rc<Class>,
        obj: &Value,
        name: Symbol,
        err: PyErr,
    ) -> PyResult<Option<Value>> {
        match cls.lookup(sym::GETATTR) {
            Some(hook) => self
                .call_bound(hook, obj.clone(), &[Value::str(name.as_str())])
                .map(Some),
            None => Err(err),
        }
    }

    /// Attributes every instance has without storing them: `__class__`, `__dict__`, and the
    /// state of natively implemented instances (exception args, property parts, ...).
    fn instance_special_attr(
        &mut self,
        inst: &Rc<Instance>,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<Option<Value>> {
        if name == sym::CLASS {
            return Ok(Some(Value::Class(inst.class.clone())));
        }
        if name == sym::DICT && has_instance_dict(self, inst) {
            return Ok(Some(crate::runtime::instdict::dict_value(inst)));
        }
        match &inst.payload {
            Payload::Exception(_) => crate::runtime::exceptions::exception_attr(self, inst, name),
            Payload::Property(p) => Ok(match name.as_str() {
                "fget" => Some(p.fget.clone()),
                "fset" => Some(p.fset.clone()),
                "fdel" => Some(p.fdel.clone()),
                "__doc__" => Some(p.doc.clone()),
                _ => None,
            }),
            Payload::ClassMethod(f) | Payload::StaticMethod(f) => Ok(match name.as_str() {
                "__func__" | "__wrapped__" => Some((**f).clone()),
                _ => None,
            }),
            Payload::Asyncio(_) => crate::asyncio::instance_attr(self, inst, obj, name),
            // `.real`/`.imag` of an instance of a subclass of int, float or complex.
            Payload::Boxed(b) => {
                let inner = b.borrow().clone();
                crate::runtime::types::value_attr(self, &inner, name)
            }
            Payload::Plain | Payload::Super(_) | Payload::Deque(_) => Ok(None),
        }
    }

    /// Calls a data/non-data descriptor's getter for an instance.
    fn descriptor_get(&mut self, attr: &Value, obj: &Value) -> PyResult<Value> {
        if let Value::Instance(d) = attr {
            if let Payload::Property(p) = &d.payload {
                if p.fget.is_none() {
                    return Err(self.attribute_error("property has no getter".to_string()));
                }
                let fget = p.fget.clone();
                return self.call(&fget, std::slice::from_ref(obj));
            }
        }
        self.bind_method(attr.clone(), obj.clone())
    }

    fn class_getattr(&mut self, cls: &Rc<Class>, name: Symbol) -> PyResult<Option<Value>> {
        if let Some(v) = cls.lookup(name) {
            return Ok(Some(match &v {
                Value::Instance(i) => match &i.payload {
                    Payload::StaticMethod(f) => (**f).clone(),
                    Payload::ClassMethod(f) => {
                        Value::BoundMethod(Rc::new(super::object::BoundMethod {
                            func: (**f).clone(),
                            receiver: Value::Class(cls.clone()),
                        }))
                    }
                    Payload::Property(_) => v.clone(),
                    Payload::Plain => match i.class.lookup(sym::GET) {
                        Some(get) => self.call_bound(
                            get,
                            v.clone(),
                            &[Value::None, Value::Class(cls.clone())],
                        )?,
                        None => v.clone(),
                    },
                    _ => v.clone(),
                },
                _ => v,
            }));
        }
        Ok(match name.as_str() {
            "__name__" => Some(Value::str(&cls.name)),
            "__qualname__" => Some(Value::str(&cls.qualname)),
            "__module__" => Some(Value::str(&cls.module)),
            "__mro__" => Some(Value::tuple(
                cls.mro().into_iter().map(Value::Class).collect(),
            )),
            "__bases__" => Some(Value::tuple(
                cls.bases.iter().cloned().map(Value::Class).collect(),
            )),
            "__base__" => Some(
                cls.bases
                    .first()
                    .cloned()
                    .map(Value::Class)
                    .unwrap_or(Value::None),
            ),
            "__class__" => Some(Value::Class(self.types.type_.clone())),
            "__doc__" => Some(Value::None),
            "__dict__" => {
                let mut d = crate::runtime::dict::Dict::new();
                for (k, v) in cls.dict.borrow().iter() {
                    let key = Value::str(k.as_str());
                    if let Value::Str(s) = &key {
                        d.insert_fast(s.hash(), key.clone(), v.clone());
                    }
                }
                Some(Value::dict(d))
            }
            "mro" => Some(crate::runtime::builtins::bound_builtin(
                "mro",
                crate::runtime::class::class_mro_method,
                Value::Class(cls.clone()),
            )),
            _ => {
                // Methods of `type` itself (e.g. `__subclasses__`) are not modelled.
                None
            }
        })
    }

    /// Attributes of builtin values: methods from their type, plus computed attributes.
    fn builtin_value_getattr(&mut self, obj: &Value, name: Symbol) -> PyResult<Option<Value>> {
        if let Some(v) = crate::runtime::types::value_attr(self, obj, name)? {
            return Ok(Some(v));
        }
        let cls = self.class_of(obj);
        if let Some(attr) = cls.lookup(name) {
            return self.bind_method(attr, obj.clone()).map(Some);
        }
        if name == sym::CLASS {
            return Ok(Some(Value::Class(cls)));
        }
        Ok(None)
    }

    /// `LoadMethod`: `(callable, receiver)` without allocating a bound method when the
    /// attribute is a plain function or builtin found on the type.
    pub(crate) fn load_method(&mut self, obj: Value, name: Symbol) -> PyResult<(Value, Value)> {
        match &obj {
            Value::Instance(inst) if !matches!(inst.payload, Payload::Super(_)) => {
                let cls = inst.class.clone();
                if cls
                    .attribute_hooks(&self.types.object_getattribute, &self.types.object_setattr)
                    .0
                {
                    let v = self.get_attr(&obj, name)?;
                    return Ok((v, Value::Undef));
                }
                if let Some(attr) = cls.lookup(name) {
                    if binds(&attr) && !crate::runtime::instdict::contains(inst, name) {
                        return Ok((attr, obj));
                    }
                }
                let v = self.get_attr(&obj, name)?;
                Ok((v, Value::Undef))
            }
            Value::Class(_) | Value::Module(_) | Value::Instance(_) => {
                let v = self.get_attr(&obj, name)?;
                Ok((v, Value::Undef))
            }
            _ => {
                let cls = self.class_of(&obj);
                if let Some(attr) = cls.lookup(name) {
                    if binds(&attr) {
                        return Ok((attr, obj));
                    }
                }
                let v = self.get_attr(&obj, name)?;
                Ok((v, Value::Undef))
            }
        }
    }

    pub fn set_attr(&mut self, obj: &Value, name: Symbol, value: Value) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                let (_, custom_set) = cls
                    .attribute_hooks(&self.types.object_getattribute, &self.types.object_setattr);
                if let Some(setattr) = custom_set.then(|| cls.lookup(sym::SETATTR)).flatten() {
                    {
                        self.call_bound(setattr, obj.clone(), &[Value::str(name.as_str()), value])?;
                        return Ok(());
                    }
                }
                self.generic_setattr(inst, obj, name, value)
            }
            Value::Class(c) => {
                if c.is_builtin {
                    return Err(self.type_error(format!(
                        "cannot set '{}' attribute of immutable type '{}'",
                        name, c.name
                    )));
                }
                c.set_attr(name, value);
                Ok(())
            }
            Value::Module(m) => {
                m.globals.borrow_mut().set(name, value);
                Ok(())
            }
            Value::Function(f) => {
                match name.as_str() {
                    "__name__" => {
                        if let Value::Str(s) = &value {
                            *f.name.borrow_mut() = s.as_str().into();
                        }
                    }
                    "__qualname__" => {
                        if let Value::Str(s) = &value {
                            *f.qualname.borrow_mut() = s.as_str().into();
                        }
                    }
                    _ => {
                        f.dict.borrow_mut().insert(name, value);
                    }
                }
                Ok(())
            }
            _ => {
                let cls = self.class_of(obj);
                // Computed attributes of numbers, ranges and slices: getset descriptors for int
                // and float, read-only members for the others.
                let numeric = matches!(
                    obj,
                    Value::Int(_) | Value::BigInt(_) | Value::Bool(_) | Value::Float(_)
                );
                let member = matches!(obj, Value::Complex(_) | Value::Range(_) | Value::Slice(_));
                if (numeric || member)
                    && crate::runtime::types::value_attr(self, obj, name)?.is_some()
                {
                    let msg = match obj {
                        Value::Float(_) => {
                            format!("attribute '{name}' of 'float' objects is not writable")
                        }
                        _ if numeric => {
                            format!("attribute '{name}' of 'int' objects is not writable")
                        }
                        _ => "readonly attribute".to_string(),
                    };
                    return Err(self.attribute_error(msg));
                }
                if cls.lookup(name).is_some() {
                    Err(self.attribute_error(format!(
                        "'{}' object attribute '{}' is read-only",
                        cls.name, name
                    )))
                } else {
                    Err(self.attribute_error(format!(
                        "'{}' object has no attribute '{}'",
                        cls.name, name
                    )))
                }
            }
        }
    }

    /// `object.__setattr__`: data descriptors on the class, else the instance dict.
    pub fn generic_setattr(
        &mut self,
        inst: &Rc<Instance>,
        obj: &Value,
        name: Symbol,
        value: Value,
    ) -> PyResult<()> {
        if let Some(attr) = inst.class.lookup(name) {
            if let Value::Instance(d) = &attr {
                match &d.payload {
                    Payload::Property(p) => {
                        if p.fset.is_none() {
                            return Err(self.attribute_error(format!(
                                "property '{}' of '{}' object has no setter",
                                name, inst.class.name
                            )));
                        }
                        let fset = p.fset.clone();
                        self.call(&fset, &[obj.clone(), value])?;
                        return Ok(());
                    }
                    Payload::Plain => {
                        if let Some(set) = d.class.lookup(sym::SET) {
                            self.call_bound(set, attr.clone(), &[obj.clone(), value])?;
                            return Ok(());
                        }
                    }
                    _ => {}
                }
            }
        }
        if let Some(r) = crate::runtime::exceptions::set_exception_attr(self, inst, name, &value)? {
            return Ok(r);
        }
        if matches!(inst.payload, Payload::Asyncio(_))
            && crate::asyncio::set_instance_attr(self, inst, obj, name, &value)?
        {
            return Ok(());
        }
        if !has_instance_dict(self, inst) {
            return Err(self.no_attribute(obj, name));
        }
        if name == sym::DICT {
            let Value::Dict(d) = value else {
                return Err(self.type_error(format!(
                    "__dict__ must be set to a dictionary, not a '{}'",
                    self.type_name(&value)
                )));
            };
            crate::runtime::instdict::replace(inst, d);
            return Ok(());
        }
        crate::runtime::instdict::set(inst, name, value);
        Ok(())
    }

    /// `object.__delattr__`: data descriptors' deleters, then the instance dict.
    pub fn generic_delattr(
        &mut self,
        inst: &Rc<Instance>,
        obj: &Value,
        name: Symbol,
    ) -> PyResult<()> {
        let cls = inst.class.clone();
        let attr = cls.lookup(name);
        if let Some(Value::Instance(d)) = &attr {
            match &d.payload {
                Payload::Property(p) => {
                    if p.fdel.is_none() {
                        return Err(self.attribute_error(format!(
                            "property '{}' of '{}' object has no deleter",
                            name, cls.name
                        )));
                    }
                    let fdel = p.fdel.clone();
                    self.call(&fdel, std::slice::from_ref(obj))?;
                    return Ok(());
                }
                Payload::Plain => {
                    if let Some(del) = d.class.lookup(sym::DELETE) {
                        self.call_bound(
                            del,
                            Value::Instance(d.clone()),
                            std::slice::from_ref(obj),
                        )?;
                        return Ok(());
                    }
                }
                _ => {}
            }
        }
        if crate::runtime::instdict::remove(inst, name).is_none() {
            return Err(self.no_attribute(obj, name));
        }
        Ok(())
    }

    pub fn del_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<()> {
        match obj {
            Value::Instance(inst) => {
                let cls = inst.class.clone();
                if let Some(delattr) = cls.lookup(sym::DELATTR) {
                    let is_default =
                        matches!(&delattr, Value::Builtin(b) if b.owner == Some("object"));
                    if !is_default {
                        self.call_bound(delattr, obj.clone(), &[Value::str(name.as_str())])?;
                        return Ok(());
                    }
                }
                self.generic_delattr(inst, obj, name)
            }
            Value::Class(c) => {
                super::object::bump_type_epoch();
                if c.dict.borrow_mut().shift_remove(&name).is_none() {
                    return Err(self.no_attribute(obj, name));
                }
                c.version.set(c.version.get().wrapping_add(1));
                Ok(())
            }
            Value::Module(m) => {
                let mut g = m.globals.borrow_mut();
                match g.index.get(&name).copied() {
                    Some(slot) if !g.values[slot as usize].is_undef() => {
                        g.values[slot as usize] = Value::Undef;
                        Ok(())
                    }
                    _ => {
                        drop(g);
                        Err(self.no_attribute(obj, name))
                    }
                }
            }
            _ => Err(self.no_attribute(obj, name)),
        }
    }

    /// `hasattr`-style probe that swallows only AttributeError.
    pub fn has_attr(&mut self, obj: &Value, name: Symbol) -> PyResult<bool> {
        match self.get_attr_opt(obj, name) {
            Ok(v) => Ok(v.is_some()),
            Err(e) if e.is_instance_of(&self.types.attribute_error) => Ok(false),
            Err(e) => Err(e),
        }
    }
}
